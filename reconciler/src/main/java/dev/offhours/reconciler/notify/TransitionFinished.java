package dev.offhours.reconciler.notify;

import java.time.Instant;
import java.util.List;

/**
 * The detail of an {@code Offhours Transition Finished} event (JSON Schema in
 * {@code docs/events/transition-finished.json}): one per intent whose targets all reached it or failed at it.
 *
 * @param transition      the intent's instant, the transition every work item and operation record of it carries
 * @param reason          why the intent exists: Transition, ScheduleChanged, ScheduleRemoved, CaughtUp
 * @param desiredState    AWAKE or ASLEEP
 * @param outcome         {@code Converged} when no target failed, else {@code Failed}
 * @param failedTargets   the failed targets with the reason their operation record gives, at most 50
 * @param traceId         the W3C trace id of the transition, also in each of its operation records
 * @param idempotencyKey  {@code <schedule>@<transition>}: the same for the same intent, for consumers that dedupe
 */
public record TransitionFinished(String schedule, Instant transition, String reason, String desiredState,
                                 String outcome, String revision, Counts counts, List<FailedTarget> failedTargets,
                                 int failedTargetsNotListed, String traceId, Instant finishedAt,
                                 String idempotencyKey) {

    public static final String CONVERGED = "Converged";
    public static final String FAILED = "Failed";

    /** Targets by outcome at the count that found the intent finished. */
    public record Counts(int targets, int converged, int failed) {
    }

    /**
     * @param target    the target's key ({@code account/region/kind/...})
     * @param errorCode CamelCase or AWS error code of the operation record; null when no record was found
     * @param message   the record's sentence on why
     */
    public record FailedTarget(String target, String account, String region, String kind, String name,
                               String errorCode, String message, int attempts) {
    }
}

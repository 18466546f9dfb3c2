package dev.offhours.reconciler.dispatch;

import java.time.Instant;
import java.util.Objects;

/**
 * What one dispatch did, for logs, metrics and tests.
 *
 * @param schedule    schedule name
 * @param transition  the instant the work items carry (a transition, a removal minute or a sweep bucket)
 * @param outcome     whether anything was sent, and if not why
 * @param pagesRead   inventory pages read (index {@code bySchedule}); 0 when nothing was read
 * @param itemsRead   inventory items read, in scope or not
 * @param report      what the queue accepted; {@link SendReport#NOTHING} when nothing was sent
 * @param detail      a sentence for the log: why nothing was sent, or who holds the claim
 */
public record DispatchResult(String schedule, Instant transition, Outcome outcome, int pagesRead, int itemsRead,
                             SendReport report, String detail) {

    public enum Outcome {
        /** Work items were built and handed to the queue (possibly zero, when no target matched). */
        DISPATCHED,
        /** The schedule is suspended: nothing sent, nothing claimed. */
        SUSPENDED,
        /** Another replica (or an earlier run of this one) claimed this transition first: nothing sent. */
        CLAIMED_ELSEWHERE
    }

    public DispatchResult {
        Objects.requireNonNull(outcome, "outcome");
        report = Objects.requireNonNullElse(report, SendReport.NOTHING);
        detail = detail == null ? "" : detail;
    }

    static DispatchResult skipped(String schedule, Instant transition, Outcome outcome, String detail) {
        return new DispatchResult(schedule, transition, outcome, 0, 0, SendReport.NOTHING, detail);
    }

    public int sent() {
        return report.sent();
    }
}

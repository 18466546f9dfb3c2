package dev.offhours.reconciler.reconcile;

import dev.offhours.core.port.ConditionStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.time.PowerState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A schedule's {@code Converged} condition: have its targets reached what the hub's intent wants, and is that intent
 * what the schedule wants now? Pure: every input is a value, the time included.
 *
 * <p>Status True only when the intent is current and converged without failures; False when overdue; Unknown while
 * converging, suspended or before the hub formed an intent. An intent that disagrees with the calculus (the loop has
 * not caught up with a merged change) is never True, whatever its progress says, since that progress counts towards
 * a state the schedule no longer wants.
 *
 * @param intent             the intent judged; null for {@link #NO_INTENT_YET}
 * @param status             True, False or Unknown
 * @param reason             one of the reasons below
 * @param message            a sentence for people, with counts and instants
 * @param lastTransitionTime since when this holds: convergedAt, the intent's since or the change the intent
 *                           missed; null for {@link #NO_INTENT_YET}
 * @param overdue            counted in {@code offhours.schedules.overdue} and the status' overdue count
 */
public record ConvergenceCondition(ScheduleIntent intent, ConditionStatus status, String reason, String message,
                                   Instant lastTransitionTime, boolean overdue) {

    public static final String TYPE = "Converged";
    public static final String CONVERGED = "Converged";
    public static final String CONVERGING = "Converging";
    public static final String NOT_CONVERGED = "NotConverged";
    public static final String SUSPENDED = ScheduleIntent.SUSPENDED; // one name for the suspended intent and its condition
    public static final String NO_INTENT_YET = "NoIntentYet";
    /** The intent wants another state (or suspension) than the schedule now does: the loop has not caught up. */
    public static final String INTENT_BEHIND = "IntentBehind";

    public ConvergenceCondition {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** What the schedule of the applied revision wants at the instant judged. */
    public record Wanted(PowerState state, boolean suspended, Instant changedAt) {
        /**
         * @param changedAt the schedule's last transition at or before now, if known: when the calculus last
         *                  changed its mind, the earliest a missed change can be blamed on the loop
         */
        public Wanted {
            Objects.requireNonNull(state, "state");
        }
    }

    /** The condition of a schedule in the applied revision; {@code intent} null when the hub has formed none. */
    public static ConvergenceCondition of(ScheduleIntent intent, Wanted wanted, Instant now, Duration overdueAfter) {
        if (wanted.suspended() && (intent == null || intent.suspended())) {
            return new ConvergenceCondition(intent, ConditionStatus.UNKNOWN, SUSPENDED,
                    "suspended: the hub leaves the targets as they are", intent == null ? null : intent.since(),
                    false);
        }
        if (intent == null) {
            return new ConvergenceCondition(null, ConditionStatus.UNKNOWN, NO_INTENT_YET,
                    "the hub has not formed an intent for this schedule yet; it wants " + wanted.state() + " now",
                    null, false);
        }
        if (behind(intent, wanted)) {
            return behind(intent, wanted, now, overdueAfter);
        }
        return progress(intent, now, overdueAfter);
    }

    /** The condition of a removed schedule's intent: its targets are being handed back awake. */
    public static ConvergenceCondition ofRemoved(ScheduleIntent intent, Instant now, Duration overdueAfter) {
        return progress(intent, now, overdueAfter);
    }

    public boolean converged() {
        return status == ConditionStatus.TRUE;
    }

    private static boolean behind(ScheduleIntent intent, Wanted wanted) {
        if (intent.removed() || intent.suspended() != wanted.suspended()) {
            return true;
        }
        return !wanted.suspended() && intent.state() != wanted.state();
    }

    private static ConvergenceCondition behind(ScheduleIntent intent, Wanted wanted, Instant now,
                                               Duration overdueAfter) {
        Instant blamed = wanted.changedAt() == null || wanted.changedAt().isBefore(intent.since()) ? intent.since()
                : wanted.changedAt();
        boolean overdue = blamed.plus(overdueAfter).isBefore(now);
        String wants = wanted.suspended() ? "is suspended" : "wants " + wanted.state() + " now";
        String has = intent.suspended() ? "still suspended" : intent.removed() ? "still for a removed schedule"
                : "still " + intent.state();
        return new ConvergenceCondition(intent, overdue ? ConditionStatus.FALSE : ConditionStatus.UNKNOWN,
                INTENT_BEHIND, "the schedule " + wants + " but the hub's intent is " + has + " (since "
                + intent.since() + "): the convergence loop has not caught up" + (overdue ? " within " + overdueAfter
                : ""), blamed, overdue);
    }

    private static ConvergenceCondition progress(ScheduleIntent intent, Instant now, Duration overdueAfter) {
        ScheduleIntent.Progress p = intent.progress();
        int failed = p == null ? 0 : p.failed();
        if (intent.converged() && failed == 0) {
            return new ConvergenceCondition(intent, ConditionStatus.TRUE, CONVERGED,
                    (p == null ? "every target" : "all " + p.targets() + " targets") + " reached " + intent.state()
                            + " at " + intent.convergedAt(), intent.convergedAt(), false);
        }
        Instant deadline = intent.since().plus(overdueAfter);
        String counts = p == null ? "no count of the targets yet" : p.pending() + " of " + p.targets()
                + " targets pending, " + failed + " failed (checked " + p.checkedAt() + ")";
        if (deadline.isBefore(now)) {
            return new ConvergenceCondition(intent, ConditionStatus.FALSE, NOT_CONVERGED, "not " + intent.state()
                    + " since " + intent.since() + ": " + counts + "; overdue since " + deadline, intent.since(),
                    true);
        }
        return new ConvergenceCondition(intent, ConditionStatus.UNKNOWN, CONVERGING, "towards " + intent.state()
                + " since " + intent.since() + ": " + counts + "; overdue after " + deadline, intent.since(), false);
    }
}

package dev.offhours.reconciler.converge;

import dev.offhours.core.port.AppliedIntent;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.work.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Where one inventory item stands against its schedule's intent, judged from the intent mark the worker leaves on
 * the item ({@link AppliedIntent}), never from what the hub remembers sending:
 *
 * <pre>
 * target                                mark on the item                            verdict
 * ------------------------------------  ------------------------------------------  ----------------------------
 * in scope, account onboarded           covers the intent, FAILED at its instant    FAILED (the record says why)
 *   (action: the intent's state)        covers the intent otherwise                 CONVERGED, or DRIFTED when
 *                                                                                   enforce and its known state
 *                                                                                   is the opposite since settle
 *                                       a worker holds it for this or a later one   IN_FLIGHT
 *                                       older, none, another schedule, lease over   SEND
 * out of scope, not onboarded, or the   covers the intent with a SLEEP               HAND_BACK (its account left
 *   schedule removed, and known asleep                                              accounts.yaml after it slept)
 *   or last put to sleep by offhours    otherwise as above, with the action WAKE    as above
 * out of scope etc., not ours asleep    any                                         IGNORED (not counted)
 * </pre>
 *
 * A suspended intent is never judged (hands off).
 */
public final class TargetRules {

    public enum Verdict { SEND, IN_FLIGHT, CONVERGED, FAILED, DRIFTED, HAND_BACK, IGNORED }

    /** A verdict and the action a work item for the target would carry. */
    public record Judgement(Verdict verdict, Action action) {
        boolean pending() {
            return verdict == Verdict.SEND || verdict == Verdict.IN_FLIGHT || verdict == Verdict.HAND_BACK;
        }
    }

    private TargetRules() {
    }

    /**
     * @param inScope whether the target lies in the schedule's scope and its account is onboarded
     * @param enforce whether the schedule puts back drifted targets
     * @param settle  how long after its mark a target's opposite state counts as drift rather than lag
     */
    public static Judgement judge(ScheduleIntent intent, InventoryItem item, Predicate<InventoryItem> inScope,
                                  boolean enforce, Duration settle, Instant now) {
        AppliedIntent mark = item.intent();
        boolean handBack = intent.removed() || !inScope.test(item);
        if (handBack && !oursAsleep(item)) {
            return new Judgement(Verdict.IGNORED, Action.WAKE);
        }
        Action action = handBack || intent.state() == PowerState.AWAKE ? Action.WAKE : Action.SLEEP;
        if (mark != null && mark.covers(intent.schedule(), intent.since())) {
            if (handBack && mark.action() == Action.SLEEP) {
                return new Judgement(Verdict.HAND_BACK, action); // put to sleep under this intent, then out of reach
            }
            if (mark.outcome() == OperationStatus.FAILED && mark.transition().equals(intent.since())) {
                return new Judgement(Verdict.FAILED, action);
            }
            boolean drifted = enforce && !handBack && item.state() == opposite(action)
                    && !mark.updatedAt().plus(settle).isAfter(now);
            return new Judgement(drifted ? Verdict.DRIFTED : Verdict.CONVERGED, action);
        }
        if (mark != null && mark.schedule().equals(intent.schedule()) && !mark.transition().isBefore(intent.since())
                && mark.leasedAt(now)) {
            return new Judgement(Verdict.IN_FLIGHT, action);
        }
        return new Judgement(Verdict.SEND, action);
    }

    /** Known asleep, or last put to sleep by offhours and not woken since: a target to hand back awake. */
    private static boolean oursAsleep(InventoryItem item) {
        AppliedIntent mark = item.intent();
        return item.state() == TargetState.ASLEEP
                || mark != null && mark.action() == Action.SLEEP && mark.outcome() == OperationStatus.SUCCEEDED;
    }

    private static TargetState opposite(Action action) {
        return action == Action.SLEEP ? TargetState.AWAKE : TargetState.ASLEEP;
    }
}

package dev.offhours.reconciler.converge;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.CapacityRules;
import dev.offhours.core.port.AppliedIntent;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.port.TargetState;
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
 *   (action: the intent's level: SLEEP, covers the intent otherwise                 CONVERGED, or DRIFTED when
 *   WAKE, or RESIZE to its share)                                                   enforce and its known state
 *                                                                                   is the opposite since settle
 *                                                                                   (for RESIZE: asleep, or above
 *                                                                                   the share)
 *                                       a worker holds it for this or a later one   IN_FLIGHT
 *                                       older, none, another schedule, lease over   SEND
 * out of scope, not onboarded, or the   covers the intent with a SLEEP               HAND_BACK (its account left
 *   schedule removed, and known asleep  (or a RESIZE)                               accounts.yaml after it slept)
 *   or last put to sleep by offhours    otherwise as above, with the action WAKE    as above
 * out of scope etc., not ours asleep    any                                         IGNORED (not counted)
 * </pre>
 *
 * A suspended intent is never judged (hands off).
 */
public final class TargetRules {

    public enum Verdict { SEND, IN_FLIGHT, CONVERGED, FAILED, DRIFTED, HAND_BACK, IGNORED }

    /**
     * A verdict and the action a work item for the target would carry, with the share of the saved awake capacity
     * it asks for (100 for WAKE, 0 for SLEEP, 1 to 99 for RESIZE).
     */
    public record Judgement(Verdict verdict, Action action, int capacityPercent) {
        Judgement(Verdict verdict, Action action) {
            this(verdict, action, action == Action.WAKE ? 100 : 0);
        }

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
        int capacity = handBack ? 100 : intent.capacityPercent();
        Action action = capacity == 0 ? Action.SLEEP : capacity == 100 ? Action.WAKE : Action.RESIZE;
        if (mark != null && mark.covers(intent.schedule(), intent.since())) {
            if (handBack && mark.action() != Action.WAKE) {
                // put to sleep (or reduced) under this intent, then out of reach
                return new Judgement(Verdict.HAND_BACK, action, capacity);
            }
            if (mark.outcome() == OperationStatus.FAILED && mark.transition().equals(intent.since())) {
                return new Judgement(Verdict.FAILED, action, capacity);
            }
            boolean drifted = enforce && !handBack && drifted(item, action, capacity)
                    && !mark.updatedAt().plus(settle).isAfter(now);
            return new Judgement(drifted ? Verdict.DRIFTED : Verdict.CONVERGED, action, capacity);
        }
        if (mark != null && mark.schedule().equals(intent.schedule()) && !mark.transition().isBefore(intent.since())
                && mark.leasedAt(now)) {
            return new Judgement(Verdict.IN_FLIGHT, action, capacity);
        }
        return new Judgement(Verdict.SEND, action, capacity);
    }

    /**
     * Its known state is not the one the action left: awake when it should sleep, asleep when it should run; at a
     * reduced share also running above that share of its saved awake capacity (someone scaled it up for the
     * evening).
     */
    private static boolean drifted(InventoryItem item, Action action, int capacity) {
        if (action != Action.RESIZE) {
            return item.state() == opposite(action);
        }
        if (item.state() == TargetState.ASLEEP) {
            return true;
        }
        Capacity current = item.current();
        Capacity saved = item.savedAwake();
        return current != null && saved != null && saved.desired() > 0
                && current.desired() > CapacityRules.reduced(saved, capacity).desired();
    }

    /**
     * Known asleep, or last put to sleep or reduced by offhours and not woken since: a target to hand back awake at
     * its saved capacity.
     */
    private static boolean oursAsleep(InventoryItem item) {
        AppliedIntent mark = item.intent();
        return item.state() == TargetState.ASLEEP
                || mark != null && mark.action() != Action.WAKE && mark.outcome() == OperationStatus.SUCCEEDED;
    }

    private static TargetState opposite(Action action) {
        return action == Action.SLEEP ? TargetState.AWAKE : TargetState.ASLEEP;
    }
}

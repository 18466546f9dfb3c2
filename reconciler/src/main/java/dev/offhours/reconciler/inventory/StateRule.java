package dev.offhours.reconciler.inventory;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.CapacityRules;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.TargetKind;

/**
 * How discovery names the state of a target it only sees from outside:
 * <ul>
 *   <li>{@link TargetState#ASLEEP}: the current capacity is the schedule's asleep capacity for this kind (max 1 for
 *       an EKS node group) <em>and</em> an awake capacity is saved, so offhours can wake it;</li>
 *   <li>{@link TargetState#UNKNOWN}: it looks asleep but no awake capacity is saved (its owner scaled it down; a
 *       wake could not restore anything), or it is at 0/0/0 which offhours never records as awake;</li>
 *   <li>{@link TargetState#AWAKE}: anything else, including an awake capacity its owner changed since it was saved.</li>
 * </ul>
 * UNKNOWN is never drift for the dispatcher's sweep, so the ambiguous cases cause no action.
 */
public final class StateRule {

    private StateRule() {
    }

    public static TargetState stateOf(TargetKind kind, Capacity current, Capacity savedAwake, AsleepCapacity asleep) {
        boolean looksAsleep = current.equals(CapacityRules.asleepCapacity(kind, asleep));
        if (looksAsleep) {
            return savedAwake != null && !savedAwake.equals(current) ? TargetState.ASLEEP : TargetState.UNKNOWN;
        }
        return current.isZero() ? TargetState.UNKNOWN : TargetState.AWAKE;
    }
}

package dev.offhours.worker.action;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.work.Target;

/** The spoke API calls of one kind of target. Every call goes through the target's resilience pipeline. */
public interface TargetActions {

    /** @throws TargetNotFoundException when the target does not exist */
    ObservedTarget observe(Target target);

    /** Writes the awake-capacity tag. */
    void saveAwake(Target target, ObservedTarget observed, Capacity awake);

    /** Sets the capacity; says whether the change is done or an asynchronous update still has to be confirmed. */
    Applied apply(Target target, Capacity capacity);

    /** State of the asynchronous update {@code updateId}, which should leave the target at {@code expected}. */
    UpdateState confirm(Target target, String updateId, Capacity expected);
}

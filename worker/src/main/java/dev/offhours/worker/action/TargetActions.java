package dev.offhours.worker.action;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.work.Target;
import java.util.concurrent.CompletableFuture;

/**
 * The spoke API calls of one kind of target, asynchronous: each answers a future at once and no thread waits for
 * AWS. Every call goes through the target's resilience pipeline; a failed future fails with the SDK or pipeline
 * exception itself.
 */
public interface TargetActions {

    /** Fails with {@link TargetNotFoundException} when the target does not exist. */
    CompletableFuture<ObservedTarget> observe(Target target);

    /** Writes the awake-capacity tag. */
    CompletableFuture<Void> saveAwake(Target target, ObservedTarget observed, Capacity awake);

    /** Sets the capacity; says whether the change is done or an asynchronous update still has to be confirmed. */
    CompletableFuture<Applied> apply(Target target, Capacity capacity);

    /** State of the asynchronous update {@code updateId}, which should leave the target at {@code expected}. */
    CompletableFuture<UpdateState> confirm(Target target, String updateId, Capacity expected);
}

package dev.offhours.worker;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.CapacityRules;
import dev.offhours.core.capacity.Decision;
import dev.offhours.core.port.AwakeCapacityStore;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.WorkItem;
import dev.offhours.worker.action.Applied;
import dev.offhours.worker.action.ObservedTarget;
import dev.offhours.worker.action.TargetActions;
import dev.offhours.worker.action.UpdateState;
import dev.offhours.worker.resilience.Futures;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Carries out one work item against its target once its credentials are known: observe, decide with
 * {@link CapacityRules}, save the awake capacity, change; an asynchronous change that is not complete at once is
 * recorded IN_PROGRESS and confirmed by a later delivery. Answers the record to write, or a wait, as a future.
 * AWS exceptions fail the future as they are; {@link SpokeWorker} classifies them. The awake-capacity store is a
 * blocking port: its calls run on {@code storeCalls}, never on the threads that complete AWS calls.
 */
final class TargetOperation {

    /** The result of one attempt: a record to write, and whether the item must come back later. */
    record Step(OperationRecord record, Duration retryAfter, String waitReason) {
        static Step finish(OperationRecord record) {
            return new Step(record, null, null);
        }

        static Step waitFor(Duration delay, String reason, OperationRecord progress) {
            return new Step(progress, delay, reason);
        }

        boolean waits() {
            return retryAfter != null;
        }
    }

    private final AwakeCapacityStore awakeCapacities;
    private final RecordFactory records;
    private final Duration confirmDelay;
    private final Executor storeCalls;

    TargetOperation(AwakeCapacityStore awakeCapacities, RecordFactory records, Duration confirmDelay,
                    Executor storeCalls) {
        this.awakeCapacities = awakeCapacities;
        this.records = records;
        this.confirmDelay = confirmDelay;
        this.storeCalls = storeCalls;
    }

    /** As {@link #run(WorkItem, TargetActions, Optional, int, Instant, Optional)} without knowing what offhours last did. */
    CompletableFuture<Step> run(WorkItem item, TargetActions actions, Optional<OperationRecord> existing, int attempts,
                                Instant started) {
        return run(item, actions, existing, attempts, started, Optional.empty());
    }

    /**
     * @param lastApplied the action offhours last completed on this target, from the intent ledger's previous mark
     *                    (empty when unknown); SLEEP keeps a saved awake capacity from being replaced by what a
     *                    sleeping target looks like
     */
    CompletableFuture<Step> run(WorkItem item, TargetActions actions, Optional<OperationRecord> existing,
                                int attempts, Instant started, Optional<Action> lastApplied) {
        if (existing.isPresent() && existing.get().updateId() != null) {
            return confirmEarlierUpdate(item, actions, existing.get(), attempts, started);
        }
        return actions.observe(item.target()).thenCompose(observed -> {
            if (observed.busy()) {
                return CompletableFuture.completedFuture(
                        Step.waitFor(confirmDelay, "the node group is busy with another update", null));
            }
            return Futures.supply(() -> awakeCapacities.find(item.target().key()), storeCalls)
                    .thenCompose(saved -> decide(item, actions, observed, saved, existing, attempts, started,
                            lastApplied));
        });
    }

    private CompletableFuture<Step> decide(WorkItem item, TargetActions actions, ObservedTarget observed,
                                           Optional<Capacity> saved, Optional<OperationRecord> existing,
                                           int attempts, Instant started, Optional<Action> lastApplied) {
        Decision decision = CapacityRules.decide(item.schedule(), item.action(), item.capacityPercent(),
                item.target().kind(), item.asleep(),
                new CapacityRules.Observed(observed.current(), observed.tags(), saved, lastApplied), started);
        if (decision instanceof Decision.Skip skip) {
            return CompletableFuture.completedFuture(
                    Step.finish(skipped(item, observed, skip, existing, attempts, started)));
        }
        if (decision instanceof Decision.Fail fail) {
            return CompletableFuture.completedFuture(Step.finish(records.build(item, existing, attempts, started,
                    OperationStatus.FAILED, observed.current(), observed.current(), fail.code(), fail.reason(), null)));
        }
        return change(item, actions, observed, (Decision.Change) decision, existing, attempts, started);
    }

    /**
     * Already in the asked state. On a redelivery without a final record an earlier delivery most likely made the
     * change and crashed before recording it, so the transition is recorded as a success.
     */
    private OperationRecord skipped(WorkItem item, ObservedTarget observed, Decision.Skip skip,
                                    Optional<OperationRecord> existing, int attempts, Instant started) {
        if (skip.alreadyThere() && attempts > 1) {
            return records.build(item, existing, attempts, started, OperationStatus.SUCCEEDED, observed.current(),
                    observed.current(), null, skip.reason() + " (completed by an earlier delivery of this work item)", null);
        }
        return records.build(item, existing, attempts, started, OperationStatus.SKIPPED, observed.current(),
                observed.current(), null, skip.reason(), null);
    }

    private CompletableFuture<Step> change(WorkItem item, TargetActions actions, ObservedTarget observed,
                                           Decision.Change change, Optional<OperationRecord> existing, int attempts,
                                           Instant started) {
        CompletableFuture<Void> saved = CompletableFuture.completedFuture(null);
        if (change.saveAwake() != null) {
            // tag first: it travels with the resource; the hub's copy follows
            saved = actions.saveAwake(item.target(), observed, change.saveAwake())
                    .thenCompose(tagged -> Futures.supply(() -> {
                        awakeCapacities.save(item.target().key(), change.saveAwake());
                        return null;
                    }, storeCalls));
        }
        return saved.thenCompose(ready -> actions.apply(item.target(), change.to()))
                .thenApply(applied -> changed(item, change, applied, existing, attempts, started));
    }

    private Step changed(WorkItem item, Decision.Change change, Applied applied, Optional<OperationRecord> existing,
                         int attempts, Instant started) {
        String updateId = applied.updateId();
        String verb = switch (item.action()) {
            case SLEEP -> "put to sleep";
            case WAKE -> "woken";
            case RESIZE -> "resized to " + item.capacityPercent() + "% of the saved awake capacity";
        };
        return switch (applied.state()) {
            case SUCCESSFUL -> Step.finish(records.build(item, existing, attempts, started, OperationStatus.SUCCEEDED,
                    change.from(), change.to(), null, verb + ": " + change.from() + " -> " + change.to(), updateId));
            // No polling in the thread: the record keeps the update id, and a later delivery confirms it.
            case IN_PROGRESS -> Step.waitFor(confirmDelay, "waiting for EKS update " + updateId,
                    records.build(item, existing, attempts, started, OperationStatus.IN_PROGRESS, change.from(),
                            change.to(), null, "waiting for update " + updateId, updateId));
            case FAILED -> Step.finish(records.build(item, existing, attempts, started, OperationStatus.FAILED,
                    change.from(), null, "UpdateFailed", "EKS update " + updateId
                            + " failed or was cancelled; check the node group's health", updateId));
        };
    }

    private CompletableFuture<Step> confirmEarlierUpdate(WorkItem item, TargetActions actions, OperationRecord earlier,
                                                         int attempts, Instant started) {
        return actions.confirm(item.target(), earlier.updateId(), earlier.after())
                .thenApply(state -> confirmed(item, state, earlier, attempts, started));
    }

    private Step confirmed(WorkItem item, UpdateState state, OperationRecord earlier, int attempts, Instant started) {
        Optional<OperationRecord> existing = Optional.of(earlier);
        return switch (state) {
            case IN_PROGRESS -> Step.waitFor(confirmDelay, "EKS update " + earlier.updateId() + " still in progress", null);
            case SUCCESSFUL -> Step.finish(records.build(item, existing, attempts, started, OperationStatus.SUCCEEDED,
                    earlier.before(), earlier.after(), null, "update " + earlier.updateId() + " confirmed: "
                            + earlier.before() + " -> " + earlier.after(), earlier.updateId()));
            case FAILED -> Step.finish(records.build(item, existing, attempts, started, OperationStatus.FAILED,
                    earlier.before(), null, "UpdateFailed", "EKS update " + earlier.updateId()
                            + " failed or was cancelled; check the node group's health", earlier.updateId()));
        };
    }
}

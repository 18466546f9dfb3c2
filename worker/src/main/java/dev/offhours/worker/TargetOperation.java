package dev.offhours.worker;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Carries out one work item against its target once its credentials are known: observe, decide with
 * {@link CapacityRules}, save the awake capacity, change; an asynchronous change that is not complete at once is
 * recorded IN_PROGRESS and confirmed by a later delivery. Returns the record to write, or a wait.
 * AWS exceptions pass through; {@link SpokeWorker} classifies them.
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

    TargetOperation(AwakeCapacityStore awakeCapacities, RecordFactory records, Duration confirmDelay) {
        this.awakeCapacities = awakeCapacities;
        this.records = records;
        this.confirmDelay = confirmDelay;
    }

    /** As {@link #run(WorkItem, TargetActions, Optional, int, Instant, Optional)} without knowing what offhours last did. */
    Step run(WorkItem item, TargetActions actions, Optional<OperationRecord> existing, int attempts, Instant started) {
        return run(item, actions, existing, attempts, started, Optional.empty());
    }

    /**
     * @param lastApplied the action offhours last completed on this target, from the intent ledger's previous mark
     *                    (empty when unknown); SLEEP keeps a saved awake capacity from being replaced by what a
     *                    sleeping target looks like
     */
    Step run(WorkItem item, TargetActions actions, Optional<OperationRecord> existing, int attempts, Instant started,
             Optional<Action> lastApplied) {
        if (existing.isPresent() && existing.get().updateId() != null) {
            return confirmEarlierUpdate(item, actions, existing.get(), attempts, started);
        }
        ObservedTarget observed = actions.observe(item.target());
        if (observed.busy()) {
            return Step.waitFor(confirmDelay, "the node group is busy with another update", null);
        }
        Decision decision = CapacityRules.decide(item.schedule(), item.action(), item.capacityPercent(),
                item.target().kind(), item.asleep(),
                new CapacityRules.Observed(observed.current(), observed.tags(), awakeCapacities.find(item.target().key()),
                        lastApplied),
                started);
        if (decision instanceof Decision.Skip skip) {
            return Step.finish(skipped(item, observed, skip, existing, attempts, started));
        }
        if (decision instanceof Decision.Fail fail) {
            return Step.finish(records.build(item, existing, attempts, started, OperationStatus.FAILED,
                    observed.current(), observed.current(), fail.code(), fail.reason(), null));
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

    private Step change(WorkItem item, TargetActions actions, ObservedTarget observed, Decision.Change change,
                        Optional<OperationRecord> existing, int attempts, Instant started) {
        if (change.saveAwake() != null) {
            // tag first: it travels with the resource; the hub's copy follows
            actions.saveAwake(item.target(), observed, change.saveAwake());
            awakeCapacities.save(item.target().key(), change.saveAwake());
        }
        Applied applied = actions.apply(item.target(), change.to());
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

    private Step confirmEarlierUpdate(WorkItem item, TargetActions actions, OperationRecord earlier, int attempts,
                                      Instant started) {
        UpdateState state = actions.confirm(item.target(), earlier.updateId(), earlier.after());
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

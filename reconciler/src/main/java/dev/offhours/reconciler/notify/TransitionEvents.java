package dev.offhours.reconciler.notify;

import dev.offhours.core.notify.HubSignals;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStore;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.work.Target;
import dev.offhours.reconciler.converge.TransitionAnnouncer;
import dev.offhours.reconciler.dispatch.Traceparent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces a finished intent as a {@link TransitionFinished} event on the hub bus, with the reason of each failed
 * target read from its operation record (a key lookup per failed target, at most
 * {@link dev.offhours.reconciler.converge.ConvergencePass#ANNOUNCED_FAILURES}).
 */
public final class TransitionEvents implements TransitionAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(TransitionEvents.class);

    private final EventSink events;
    private final OperationStore operations;
    private final Clock clock;

    public TransitionEvents(EventSink events, OperationStore operations, Clock clock) {
        this.events = Objects.requireNonNull(events, "events");
        this.operations = Objects.requireNonNull(operations, "operations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean announce(ScheduleIntent intent, List<InventoryItem> failed, int failedNotListed) {
        TransitionFinished detail = detail(intent, failed, failedNotListed);
        boolean delivered = events.put(HubSignals.TRANSITION_FINISHED, EventJson.write(detail));
        if (delivered) {
            LOG.info("schedule {}: transition to {} at {} finished {} ({} of {} targets failed), announced",
                    intent.schedule(), intent.state(), intent.since(), detail.outcome(), detail.counts().failed(),
                    detail.counts().targets());
        }
        return delivered;
    }

    TransitionFinished detail(ScheduleIntent intent, List<InventoryItem> failed, int failedNotListed) {
        ScheduleIntent.Progress progress = intent.progress();
        List<TransitionFinished.FailedTarget> reasons = new ArrayList<>();
        for (InventoryItem item : failed) {
            reasons.add(failedTarget(intent, item));
        }
        String outcome = progress.failed() > 0 ? TransitionFinished.FAILED : TransitionFinished.CONVERGED;
        return new TransitionFinished(intent.schedule(), intent.since(), intent.reason(), intent.state().name(),
                outcome, intent.revision(),
                new TransitionFinished.Counts(progress.targets(), progress.converged(), progress.failed()),
                reasons, failedNotListed, Traceparent.traceId(intent.schedule(), intent.since()), clock.instant(),
                intent.schedule() + "@" + intent.since());
    }

    private TransitionFinished.FailedTarget failedTarget(ScheduleIntent intent, InventoryItem item) {
        Target target = item.target();
        Optional<OperationRecord> record = Optional.empty();
        try {
            record = operations.find(new OperationRecord.Key(intent.schedule(), intent.since(), target.key()));
        } catch (RuntimeException e) {
            LOG.warn("schedule {}: could not read the operation record of failed target {}: {}", intent.schedule(),
                    target.key(), e.toString());
        }
        return new TransitionFinished.FailedTarget(target.key(), target.account(), target.region(),
                target.kind().wireName(), target.name(), record.map(OperationRecord::errorCode).orElse(null),
                record.map(OperationRecord::message).orElse("no operation record was found for this target"),
                record.map(OperationRecord::attempts).orElse(0));
    }
}

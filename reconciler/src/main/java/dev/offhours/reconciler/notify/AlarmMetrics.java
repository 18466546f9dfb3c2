package dev.offhours.reconciler.notify;

import dev.offhours.core.notify.HubSignals;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four metrics the hub stack's alarms watch, sent to a {@link MetricSink} at each {@link #publish()}: the counts
 * since the last publish that went through ({@code OperationsFailed}, {@code WorkItemsDeadLettered}; a failed send
 * keeps them for the next one) and two gauges read at that moment ({@code SchedulesNotConverged},
 * {@code AccountsDegraded}; left out when they cannot be read, rather than a made-up zero).
 */
public final class AlarmMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmMetrics.class);

    private final MetricSink sink;
    private final Clock clock;
    private final AtomicLong failedOperations = new AtomicLong();
    private final LongSupplier deadLettered;
    private final Supplier<OptionalInt> notConverged;
    private final Supplier<OptionalInt> degradedAccounts;
    private long failedSent;
    private long deadLetteredSent;

    /**
     * @param deadLettered     work items sent to the dead-letter queue so far (a running total)
     * @param notConverged     schedules overdue now, empty when unknown
     * @param degradedAccounts account-regions degraded now, empty when unknown
     */
    public AlarmMetrics(MetricSink sink, Clock clock, LongSupplier deadLettered, Supplier<OptionalInt> notConverged,
                        Supplier<OptionalInt> degradedAccounts) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deadLettered = Objects.requireNonNull(deadLettered, "deadLettered");
        this.notConverged = Objects.requireNonNull(notConverged, "notConverged");
        this.degradedAccounts = Objects.requireNonNull(degradedAccounts, "degradedAccounts");
    }

    /** Counts one FAILED operation record written by this process's workers. */
    public void operationFailed() {
        failedOperations.incrementAndGet();
    }

    /** Sends what is due; a sink failure is logged and the counts wait for the next call. */
    public synchronized void publish() {
        Instant now = clock.instant();
        long failed = failedOperations.get();
        long dead = deadLettered.getAsLong();
        List<MetricSink.Point> points = new ArrayList<>();
        points.add(new MetricSink.Point(HubSignals.OPERATIONS_FAILED, failed - failedSent, now));
        points.add(new MetricSink.Point(HubSignals.WORK_ITEMS_DEAD_LETTERED, dead - deadLetteredSent, now));
        gauge(HubSignals.SCHEDULES_NOT_CONVERGED, notConverged, now).ifPresent(points::add);
        gauge(HubSignals.ACCOUNTS_DEGRADED, degradedAccounts, now).ifPresent(points::add);
        try {
            sink.put(points);
            failedSent = failed;
            deadLetteredSent = dead;
        } catch (RuntimeException e) {
            LOG.warn("could not publish the alarm metrics ({} failed operations wait for the next try): {}",
                    failed - failedSent, e.toString());
        }
    }

    private static Optional<MetricSink.Point> gauge(String name, Supplier<OptionalInt> value, Instant now) {
        try {
            OptionalInt read = value.get();
            return read.isPresent() ? Optional.of(new MetricSink.Point(name, read.getAsInt(), now))
                    : Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("could not read {} for its metric: {}", name, e.toString());
            return Optional.empty();
        }
    }
}

package dev.offhours.reconciler.inventory;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs discovery when the service starts and then {@code interval} after the end of each run (fixed delay, so runs
 * never overlap however long one takes). A run that fails is logged and the schedule goes on. The executor is the
 * caller's: {@link #stop()} cancels this schedule only.
 */
public final class DiscoveryScheduler implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryScheduler.class);

    private final Supplier<DiscoveryReport> discovery;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private final ReentrantLock running = new ReentrantLock();
    private volatile DiscoveryReport lastReport;
    private ScheduledFuture<?> schedule;

    /** @param discovery usually {@code discovery::run} */
    public DiscoveryScheduler(Supplier<DiscoveryReport> discovery, ScheduledExecutorService executor, Duration interval) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the discovery interval must be at least 1 second, but was " + interval);
        }
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (schedule == null) {
            schedule = executor.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("discovery runs now and then every {}", interval);
        }
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(true);
            schedule = null;
        }
    }

    /**
     * One run now, in the caller's thread (the schedule uses it too); empty if it failed or another run is going on.
     * Never throws.
     */
    public Optional<DiscoveryReport> runOnce() {
        if (!running.tryLock()) {
            LOG.info("discovery is already running; not starting a second run");
            return Optional.empty();
        }
        try {
            DiscoveryReport report = discovery.get();
            lastReport = report;
            return Optional.of(report);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.info("discovery stopped: {}", e.getMessage());
            } else {
                LOG.error("discovery run failed; the next one starts in {}", interval, e);
            }
            return Optional.empty();
        } finally {
            running.unlock();
        }
    }

    /** The report of the last run that completed, if any (for health checks and metrics). */
    public Optional<DiscoveryReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }

    public Duration interval() {
        return interval;
    }
}

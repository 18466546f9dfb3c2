package dev.offhours.reconciler.git;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task (fetch and reconcile) now, then again after each interval with jitter, one run at a time. {@link #wake()}
 * brings the next run forward without blocking the caller; a wake during a run makes another run follow at once, so
 * a push announced while a fetch is under way is never lost. The executor is the caller's (and its to shut down).
 */
public final class FetchLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FetchLoop.class);

    private final ScheduledExecutorService executor;
    private final Duration interval;
    private final double jitter;
    private final DoubleSupplier random;
    private final Runnable task;

    private ScheduledFuture<?> next;
    private boolean running;
    private boolean wakeRequested;
    private boolean closed;

    /**
     * @param jitter fraction of {@code interval} each wait may differ by (0.1: 54 to 66 s for 60 s)
     * @param random values in [0, 1), e.g. {@code () -> ThreadLocalRandom.current().nextDouble()}
     */
    public FetchLoop(ScheduledExecutorService executor, Duration interval, double jitter, DoubleSupplier random,
            Runnable task) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the fetch interval must be positive, but was " + interval);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be at least 0 and below 1, but was " + jitter);
        }
        this.executor = executor;
        this.interval = interval;
        this.jitter = jitter;
        this.random = random;
        this.task = task;
    }

    /** Runs the task at once, then on every interval. */
    public synchronized void start() {
        schedule(Duration.ZERO);
    }

    /** Asks for a run as soon as possible (a webhook saw a push); returns at once. */
    public synchronized void wake() {
        if (running) {
            wakeRequested = true;
        } else {
            schedule(Duration.ZERO);
        }
    }

    /** The wait before the next run: {@code interval * (1 + jitter * (2r - 1))} for r in [0, 1). */
    public static Duration jittered(Duration interval, double jitter, double r) {
        double factor = 1 + jitter * (2 * r - 1);
        return Duration.ofMillis(Math.round(interval.toMillis() * factor));
    }

    private void runOnce() {
        synchronized (this) {
            if (closed) {
                return;
            }
            running = true;
            wakeRequested = false;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("A fetch and reconcile run failed unexpectedly; the next run follows on the interval", e);
        } finally {
            synchronized (this) {
                running = false;
                schedule(wakeRequested ? Duration.ZERO : jittered(interval, jitter, random.getAsDouble()));
            }
        }
    }

    private void schedule(Duration delay) {
        if (closed) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = executor.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}

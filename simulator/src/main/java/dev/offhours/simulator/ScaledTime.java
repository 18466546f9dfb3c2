package dev.offhours.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real elapsed time divided by a scale factor, anchored at the clock's instant when the fleet was built.
 *
 * <p>{@link #schedule} waits on a timer of {@value #TIMER_THREADS} daemon threads, started by the first delay that
 * has to wait and ended after {@value #IDLE_SECONDS} s without one; so a fleet needs no closing, and an idle or
 * forgotten one holds no thread.
 */
final class ScaledTime implements FleetTime {
    static final int TIMER_THREADS = 2;
    private static final int IDLE_SECONDS = 5;
    private static final AtomicInteger TIMERS = new AtomicInteger();

    private final Instant start;
    private final long startNanos;
    private final double timeScale;
    private final AtomicInteger timerThreadsStarted = new AtomicInteger();
    private volatile ScheduledThreadPoolExecutor timer;

    ScaledTime(Clock clock, double timeScale) {
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("timeScale must be positive (1 = real time, 0.1 = ten times faster), got "
                    + timeScale);
        }
        this.start = clock.instant();
        this.startNanos = System.nanoTime();
        this.timeScale = timeScale;
    }

    @Override
    public Instant instant() {
        return start.plusNanos(nanos());
    }

    @Override
    public long nanos() {
        return (long) ((System.nanoTime() - startNanos) / timeScale);
    }

    @Override
    public void sleep(Duration simulated) throws InterruptedException {
        long realNanos = realNanos(simulated);
        if (realNanos > 0) {
            Thread.sleep(realNanos / 1_000_000, (int) (realNanos % 1_000_000));
        }
    }

    @Override
    public void schedule(Duration simulated, Runnable then) {
        long realNanos = realNanos(simulated);
        if (realNanos > 0) {
            timer().schedule(then, realNanos, TimeUnit.NANOSECONDS);
        } else {
            then.run();
        }
    }

    /** How many timer threads this time has started so far (they end when idle and start again when needed). */
    int timerThreadsStarted() {
        return timerThreadsStarted.get();
    }

    private long realNanos(Duration simulated) {
        return (long) (simulated.toNanos() * timeScale);
    }

    private ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor existing = timer;
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            if (timer == null) {
                String prefix = "offhours-sim-timer-" + TIMERS.incrementAndGet() + "-";
                ThreadFactory threads = task -> {
                    Thread thread = new Thread(task, prefix + timerThreadsStarted.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                };
                ScheduledThreadPoolExecutor created = new ScheduledThreadPoolExecutor(TIMER_THREADS, threads);
                created.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
                created.allowCoreThreadTimeOut(true);
                timer = created;
            }
            return timer;
        }
    }
}

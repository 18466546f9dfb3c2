package dev.offhours.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time under a test's control: {@link #advance} moves it, and a call's latency advances it instead of sleeping.
 *
 * <p>{@link #schedule} does the same for asynchronous calls: it advances time by the delay and runs the task at once
 * in the calling thread, so an asynchronous call's future is complete when it is returned, after charging its latency
 * exactly as the synchronous call would. Waiting for a test to {@link #advance} instead would leave every future that
 * a test (or the worker it drives) joins without advancing time pending for ever, and would make asynchronous calls
 * cost no simulated time where synchronous ones do.
 */
public final class ManualTime implements FleetTime {
    private final Instant start;
    private final AtomicLong nanos = new AtomicLong();

    ManualTime(Instant start) {
        this.start = start;
    }

    @Override
    public Instant instant() {
        return start.plusNanos(nanos.get());
    }

    @Override
    public long nanos() {
        return nanos.get();
    }

    @Override
    public void sleep(Duration simulated) {
        advance(simulated);
    }

    @Override
    public void schedule(Duration simulated, Runnable then) {
        advance(simulated);
        then.run();
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time cannot go backwards: " + duration);
        }
        nanos.addAndGet(duration.toNanos());
    }
}

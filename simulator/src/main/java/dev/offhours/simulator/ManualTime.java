package dev.offhours.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Time under a test's control: {@link #advance} moves it, and a call's latency advances it instead of sleeping. */
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

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time cannot go backwards: " + duration);
        }
        nanos.addAndGet(duration.toNanos());
    }
}

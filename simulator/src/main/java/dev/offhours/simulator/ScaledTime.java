package dev.offhours.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Real elapsed time divided by a scale factor, anchored at the clock's instant when the fleet was built. */
final class ScaledTime implements FleetTime {
    private final Instant start;
    private final long startNanos;
    private final double timeScale;

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
        long realNanos = (long) (simulated.toNanos() * timeScale);
        if (realNanos > 0) {
            Thread.sleep(realNanos / 1_000_000, (int) (realNanos % 1_000_000));
        }
    }
}

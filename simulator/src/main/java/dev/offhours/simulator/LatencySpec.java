package dev.offhours.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** Service latency of one API family: uniform between {@code min} and {@code max} (simulated time). */
public record LatencySpec(Duration min, Duration max) {
    public static final LatencySpec NONE = new LatencySpec(Duration.ZERO, Duration.ZERO);

    public LatencySpec {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("latency needs 0 <= min <= max, got min " + min + " and max " + max);
        }
    }

    public static LatencySpec uniformMillis(long minMillis, long maxMillis) {
        return new LatencySpec(Duration.ofMillis(minMillis), Duration.ofMillis(maxMillis));
    }

    /** Mean latency, for computing what a run would take at best. */
    public Duration mean() {
        return min.plus(max).dividedBy(2);
    }

    Duration sample(RandomGenerator random) {
        long spread = max.toNanos() - min.toNanos();
        return spread == 0 ? min : min.plusNanos(random.nextLong(spread + 1));
    }
}

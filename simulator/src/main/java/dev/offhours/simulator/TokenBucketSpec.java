package dev.offhours.simulator;

/**
 * Size of one token bucket: it starts full with {@code burst} tokens and refills {@code refillPerSecond} tokens per
 * simulated second. A call takes one token; an empty bucket answers with the family's throttling error.
 */
public record TokenBucketSpec(double refillPerSecond, int burst) {
    public TokenBucketSpec {
        if (!(refillPerSecond > 0)) {
            throw new IllegalArgumentException("refillPerSecond must be positive, got " + refillPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, got " + burst);
        }
    }

    /** Least simulated seconds this bucket needs to answer {@code calls} calls, starting full. */
    public double minimumSecondsFor(long calls) {
        return Math.max(0, calls - burst) / refillPerSecond;
    }
}

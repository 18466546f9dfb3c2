package dev.offhours.simulator;

/** A token bucket in simulated time; starts full. */
final class TokenBucket {
    private final TokenBucketSpec spec;
    private double tokens;
    private long lastRefillNanos;

    TokenBucket(TokenBucketSpec spec, long nowNanos) {
        this.spec = spec;
        this.tokens = spec.burst();
        this.lastRefillNanos = nowNanos;
    }

    synchronized boolean tryTake(long nowNanos) {
        if (nowNanos > lastRefillNanos) {
            tokens = Math.min(spec.burst(), tokens + (nowNanos - lastRefillNanos) * spec.refillPerSecond() / 1e9);
            lastRefillNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}

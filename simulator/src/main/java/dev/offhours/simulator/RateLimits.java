package dev.offhours.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One token bucket per (account, region, API family), created full on first use. */
final class RateLimits {
    private final Map<ApiFamily, TokenBucketSpec> specs;
    private final FleetTime time;
    private final Map<BucketKey, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimits(Map<ApiFamily, TokenBucketSpec> specs, FleetTime time) {
        this.specs = Map.copyOf(specs);
        this.time = time;
    }

    boolean tryTake(BucketKey key) {
        long now = time.nanos();
        return buckets.computeIfAbsent(key, k -> new TokenBucket(specs.get(k.family()), now)).tryTake(now);
    }

    /** Forgets all buckets, so every bucket starts full again (between two storms of a benchmark). */
    void refillAll() {
        buckets.clear();
    }
}

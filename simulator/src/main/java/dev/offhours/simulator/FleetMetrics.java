package dev.offhours.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the fleet was asked and answered. Lock-free; read a consistent-enough view with
 * {@link #snapshot()}, and {@link #reset()} between two phases of a benchmark.
 */
public final class FleetMetrics {
    private final Map<String, LongAdder> callsByOperation = new ConcurrentHashMap<>();
    private final Map<BucketKey, LongAdder> callsByBucket = new ConcurrentHashMap<>();
    private final Map<BucketKey, LongAdder> throttlesByBucket = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> assumeRoleCallsByAccount = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> serverErrorsByCode = new ConcurrentHashMap<>();

    FleetMetrics() {
    }

    /** Metric key of one operation, e.g. {@code autoscaling:DescribeAutoScalingGroups}. */
    public static String operationKey(ApiFamily family, String operation) {
        return family.wireName() + ":" + operation;
    }

    public MetricsSnapshot snapshot() {
        return new MetricsSnapshot(copy(callsByOperation), copy(callsByBucket), copy(throttlesByBucket),
                copy(assumeRoleCallsByAccount), copy(serverErrorsByCode));
    }

    public void reset() {
        callsByOperation.clear();
        callsByBucket.clear();
        throttlesByBucket.clear();
        assumeRoleCallsByAccount.clear();
        serverErrorsByCode.clear();
    }

    void called(ApiFamily family, String operation) {
        increment(callsByOperation, operationKey(family, operation));
    }

    void reachedBucket(BucketKey key) {
        increment(callsByBucket, key);
    }

    void throttled(BucketKey key) {
        increment(throttlesByBucket, key);
    }

    void assumeRoleCalled(String roleAccount) {
        increment(assumeRoleCallsByAccount, roleAccount);
    }

    void serverError(String code) {
        increment(serverErrorsByCode, code);
    }

    private static <K> void increment(Map<K, LongAdder> counters, K key) {
        counters.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static <K> Map<K, Long> copy(Map<K, LongAdder> counters) {
        Map<K, Long> copy = new java.util.HashMap<>();
        counters.forEach((key, adder) -> copy.put(key, adder.sum()));
        return Map.copyOf(copy);
    }
}

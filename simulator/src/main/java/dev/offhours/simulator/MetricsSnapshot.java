package dev.offhours.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the fleet counted.
 *
 * @param callsByOperation every call that arrived, keyed {@code family:Operation}, including rejected ones
 * @param callsByBucket calls that reached a token bucket (authenticated), per (account, region, family)
 * @param throttlesByBucket calls answered with a throttling error, per bucket
 * @param assumeRoleCallsByAccount AssumeRole calls per account whose role was asked for
 * @param serverErrorsByCode injected HTTP 5xx answers per error code
 */
public record MetricsSnapshot(
        Map<String, Long> callsByOperation,
        Map<BucketKey, Long> callsByBucket,
        Map<BucketKey, Long> throttlesByBucket,
        Map<String, Long> assumeRoleCallsByAccount,
        Map<String, Long> serverErrorsByCode) {

    public long calls() {
        return sum(callsByOperation);
    }

    public long calls(ApiFamily family, String operation) {
        return callsByOperation.getOrDefault(FleetMetrics.operationKey(family, operation), 0L);
    }

    public Map<ApiFamily, Long> callsByFamily() {
        Map<ApiFamily, Long> byFamily = new TreeMap<>();
        for (ApiFamily family : ApiFamily.values()) {
            String prefix = family.wireName() + ":";
            byFamily.put(family, callsByOperation.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum());
        }
        return byFamily;
    }

    /** Calls per account-region that reached the given family's bucket. */
    public Map<AccountRegion, Long> callsByAccountRegion(ApiFamily family) {
        return perAccountRegion(callsByBucket, family);
    }

    public long throttles() {
        return sum(throttlesByBucket);
    }

    public Map<ApiFamily, Long> throttlesByFamily() {
        return throttlesByBucket.entrySet().stream().collect(Collectors.groupingBy(
                e -> e.getKey().family(), TreeMap::new, Collectors.summingLong(Map.Entry::getValue)));
    }

    public Map<AccountRegion, Long> throttlesByAccountRegion(ApiFamily family) {
        return perAccountRegion(throttlesByBucket, family);
    }

    public long assumeRoleCalls() {
        return sum(assumeRoleCallsByAccount);
    }

    public long serverErrors() {
        return sum(serverErrorsByCode);
    }

    private static Map<AccountRegion, Long> perAccountRegion(Map<BucketKey, Long> byBucket, ApiFamily family) {
        return byBucket.entrySet().stream()
                .filter(e -> e.getKey().family() == family)
                .collect(Collectors.toMap(e -> e.getKey().accountRegion(), Map.Entry::getValue, Long::sum, TreeMap::new));
    }

    private static <K> long sum(Map<K, Long> counters) {
        return counters.values().stream().mapToLong(Long::longValue).sum();
    }
}

package dev.offhours.simulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything about the simulator's behaviour that a benchmark needs to compute what AWS would physically allow:
 * bucket sizes, latencies and the time scale. All durations and rates are in simulated time.
 *
 * @param externalId the ExternalId every spoke role expects; null means roles accept any (or none)
 * @param eksRequestLimitFraction share of EKS throttles answered as HTTP 400 InvalidRequestException
 *     "Request limit exceeded" instead of HTTP 429 ThrottlingException
 * @param serverErrorRates share of admitted calls per family answered with an HTTP 500/503 (nothing is applied)
 */
public record FleetConfig(
        long seed,
        String hubAccount,
        String hubRegion,
        String roleName,
        String externalId,
        Map<ApiFamily, TokenBucketSpec> buckets,
        Map<ApiFamily, LatencySpec> latencies,
        double timeScale,
        Duration nodegroupUpdateDuration,
        ScalingApplies scalingApplies,
        StsBucketScope stsBucketScope,
        double eksRequestLimitFraction,
        Map<ApiFamily, Double> serverErrorRates) {

    public FleetConfig {
        Objects.requireNonNull(hubAccount, "hubAccount");
        Objects.requireNonNull(hubRegion, "hubRegion");
        Objects.requireNonNull(roleName, "roleName");
        buckets = complete(buckets, "token bucket");
        latencies = complete(latencies, "latency");
        serverErrorRates = complete(serverErrorRates, "server error rate");
        Objects.requireNonNull(nodegroupUpdateDuration, "nodegroupUpdateDuration");
        Objects.requireNonNull(scalingApplies, "scalingApplies");
        Objects.requireNonNull(stsBucketScope, "stsBucketScope");
        requireFraction(eksRequestLimitFraction, "eksRequestLimitFraction");
        serverErrorRates.forEach((family, rate) -> requireFraction(rate, "server error rate of " + family));
    }

    public TokenBucketSpec bucket(ApiFamily family) {
        return buckets.get(family);
    }

    public LatencySpec latency(ApiFamily family) {
        return latencies.get(family);
    }

    public double serverErrorRate(ApiFamily family) {
        return serverErrorRates.get(family);
    }

    private static <V> Map<ApiFamily, V> complete(Map<ApiFamily, V> perFamily, String what) {
        Objects.requireNonNull(perFamily, what);
        for (ApiFamily family : ApiFamily.values()) {
            if (perFamily.get(family) == null) {
                throw new IllegalArgumentException("a " + what + " is needed for every API family; missing " + family);
            }
        }
        return Map.copyOf(new EnumMap<>(perFamily));
    }

    private static void requireFraction(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
        }
    }
}

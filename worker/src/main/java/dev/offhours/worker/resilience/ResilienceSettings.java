package dev.offhours.worker.resilience;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Sizes of the resilience pipelines. Defaults follow what AWS allows per account and region (its service quotas): Auto
 * Scaling shares one bucket of about 20 calls/s refill and burst 40; EKS about 10/s; STS generous.
 *
 * @param limits          token bucket per API family
 * @param maxRetries      retries in the pipeline on throttling or transient errors
 * @param baseDelay       first backoff ceiling; doubles per attempt (full jitter: uniform in [0, ceiling])
 * @param maxDelay        largest single backoff in the pipeline; longer waits go back to the queue
 * @param maxPermitWait   longest wait for a rate-limiter permit before giving the item back to the queue; a wait holds
 *                        no thread (the asynchronous pipelines schedule it), so it only has to stay far inside the
 *                        intent lease and the queue's visibility timeout
 * @param breakerFailures role failures in a row that open an account's breaker
 * @param breakerDelay    how long an open breaker refuses calls before letting one through
 * @param retryLaterDelay base of the delay suggested to the queue when a wait would be long
 */
public record ResilienceSettings(
        Map<ApiFamily, RateLimit> limits,
        int maxRetries,
        Duration baseDelay,
        Duration maxDelay,
        Duration maxPermitWait,
        int breakerFailures,
        Duration breakerDelay,
        Duration retryLaterDelay) {

    /** A token bucket: {@code perSecond} refill, up to {@code burst} at once (bursty) or evenly spaced (smooth). */
    public record RateLimit(double perSecond, int burst, boolean smooth) {
    }

    public ResilienceSettings {
        limits = Map.copyOf(limits);
        for (ApiFamily family : ApiFamily.values()) {
            if (!limits.containsKey(family)) {
                throw new IllegalArgumentException("no rate limit for API family " + family);
            }
        }
    }

    public static ResilienceSettings defaults() {
        Map<ApiFamily, RateLimit> limits = new EnumMap<>(ApiFamily.class);
        limits.put(ApiFamily.AUTOSCALING, new RateLimit(20, 40, false));
        limits.put(ApiFamily.EKS, new RateLimit(10, 20, false));
        limits.put(ApiFamily.STS, new RateLimit(50, 100, false));
        return new ResilienceSettings(limits, 6, Duration.ofMillis(100), Duration.ofSeconds(2), DEFAULT_PERMIT_WAIT,
                1, Duration.ofMinutes(5), Duration.ofSeconds(15));
    }

    /**
     * 30 seconds: a storm queues its AssumeRoles on the hub's one STS limiter (50/s), so 30 s covers the first
     * calls of 1,500 accounts, while an intent lease lasts 5 minutes.
     */
    public static final Duration DEFAULT_PERMIT_WAIT = Duration.ofSeconds(30);

    /**
     * These settings for one of {@code environments} processes that share the hub's quotas at once (the Lambda
     * function's environments, as many as the event source mapping's maximum concurrency): the hub-wide STS limit
     * is split between them, so that together they never exceed it. The spokes' limits stay whole: account bundles
     * give each account's work to one environment.
     */
    public ResilienceSettings sharedBy(int environments) {
        if (environments < 1) {
            throw new IllegalArgumentException("environments must be at least 1, but was " + environments);
        }
        RateLimit sts = limits.get(ApiFamily.STS);
        return withLimit(ApiFamily.STS, new RateLimit(sts.perSecond() / environments,
                Math.max(1, sts.burst() / environments), sts.smooth()));
    }

    public ResilienceSettings withLimit(ApiFamily family, RateLimit limit) {
        Map<ApiFamily, RateLimit> copy = new EnumMap<>(limits);
        copy.put(family, limit);
        return new ResilienceSettings(copy, maxRetries, baseDelay, maxDelay, maxPermitWait, breakerFailures,
                breakerDelay, retryLaterDelay);
    }

    public ResilienceSettings withRetries(int maxRetries, Duration baseDelay, Duration maxDelay) {
        return new ResilienceSettings(limits, maxRetries, baseDelay, maxDelay, maxPermitWait, breakerFailures,
                breakerDelay, retryLaterDelay);
    }
}

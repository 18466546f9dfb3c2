package dev.offhours.simulator;

import java.time.Duration;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;

/**
 * What every call goes through before it touches the fleet: counting, latency, authentication, the token bucket, and
 * injected server errors, in that order (a call takes its token when it reaches AWS, after its latency).
 *
 * <p>Synchronous clients sleep the latency here, without holding any lock. Asynchronous clients let it pass on the
 * fleet's timer first and then run the synchronous operation through {@link #latencyElapsed()}, a gate that skips
 * the sleep, so both kinds share one implementation of every operation.
 */
final class CallGate {
    private final FleetConfig config;
    private final FleetTime time;
    private final RateLimits limits;
    private final Sessions sessions;
    private final FleetMetrics metrics;
    private final Random random;
    private final boolean sleeps;

    CallGate(FleetConfig config, FleetTime time, RateLimits limits, Sessions sessions, FleetMetrics metrics,
             Random random) {
        this(config, time, limits, sessions, metrics, random, true);
    }

    private CallGate(FleetConfig config, FleetTime time, RateLimits limits, Sessions sessions, FleetMetrics metrics,
                     Random random, boolean sleeps) {
        this.config = config;
        this.time = time;
        this.limits = limits;
        this.sessions = sessions;
        this.metrics = metrics;
        this.random = random;
        this.sleeps = sleeps;
    }

    /** The same gate (buckets, sessions, metrics, random) for calls whose latency has already passed. */
    CallGate latencyElapsed() {
        return new CallGate(config, time, limits, sessions, metrics, random, false);
    }

    /** A latency of {@code family}, drawn from the fleet's seeded random like the ones synchronous calls sleep. */
    Duration latency(ApiFamily family) {
        return config.latency(family).sample(random);
    }

    /** Admits a spoke call and answers the account it acts in (the one whose role issued the credentials). */
    String enter(ApiFamily family, String operation, AwsCredentialsProvider credentials, String region) {
        arrive(family, operation);
        String account = sessions.authenticate(family, credentials).account();
        admit(new BucketKey(account, region, family));
        return account;
    }

    void arrive(ApiFamily family, String operation) {
        metrics.called(family, operation);
        if (sleeps) {
            sleep(latency(family));
        }
    }

    Session authenticate(ApiFamily family, AwsCredentialsProvider credentials) {
        return sessions.authenticate(family, credentials);
    }

    /** Takes a token from the bucket or throws the family's throttling error; then maybe injects a 5xx. */
    void admit(BucketKey key) {
        metrics.reachedBucket(key);
        ApiFamily family = key.family();
        if (!limits.tryTake(key)) {
            metrics.throttled(key);
            boolean requestLimit = family == ApiFamily.EKS && random.nextDouble() < config.eksRequestLimitFraction();
            throw AwsErrors.throttling(family, requestLimit);
        }
        double errorRate = config.serverErrorRate(family);
        if (errorRate > 0 && random.nextDouble() < errorRate) {
            AwsServiceException error = AwsErrors.serverError(family, random.nextBoolean());
            metrics.serverError(error.awsErrorDetails().errorCode());
            throw error;
        }
    }

    private void sleep(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            time.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.create("Thread was interrupted while the simulated call was in flight", e);
        }
    }
}

package dev.offhours.worker.resilience;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import dev.offhours.aws.AwsErrors;
import java.time.Duration;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.runtime.DaemonThreads;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One Failsafe pipeline per (account, region, API family), outermost first:
 * <ol>
 *   <li>a circuit breaker per account (shared by its regions and families) that opens when the hub cannot assume
 *       the account's role (STS AccessDenied and friends), so a dead account fails fast;</li>
 *   <li>a retry on throttling, 5xx and network errors, with full-jitter exponential backoff (uniform in
 *       [0, min(maxDelay, baseDelay * 2^attempt)]);</li>
 *   <li>a token-bucket rate limiter per (account, region, family), so every attempt, retries included, takes a
 *       permit; STS's is one limiter for the whole hub, since AssumeRole spends the hub's own STS quota whichever
 *       account's role it assumes.</li>
 * </ol>
 *
 * <p><b>Asynchronous calls</b> ({@link #callAsync}) go through the very same policies in Failsafe's asynchronous
 * form: a permit not yet available, a backoff before a retry and an open breaker's wait are scheduled, never slept,
 * so no thread is held while a call waits. Attempts are started on a small fixed pool ({@code offhours-calls}); the
 * SDK's asynchronous clients then carry the call without a thread.
 *
 * <p><b>SDK retries and Failsafe:</b> the spoke SDK clients are built with the SDK's retry strategy switched off
 * ({@code AwsSpokeClientFactory} uses {@code AwsRetryStrategy.doNotRetry()}), so Failsafe is the only retry layer:
 * no silent multiplication of attempts, and every attempt passes the rate limiter. The same must hold for the STS
 * client handed to {@code RoleCredentialsCache}.
 *
 * <p><b>Long waits:</b> no call waits longer than {@code maxDelay} per retry or {@code maxPermitWait} for a permit
 * (scheduled for {@link #callAsync}, slept by the blocking {@link #call} of discovery). When the retries are
 * exhausted or a permit is not available in time, the exception surfaces
 * ({@link dev.failsafe.RateLimitExceededException}, the last throttling error) and the worker turns it into
 * {@code Outcome.retryLater}, so a longer wait happens in the queue.
 */
public final class Pipelines {

    private record Key(String account, String region, ApiFamily family) {
    }

    private final ResilienceSettings settings;
    private final ConcurrentMap<Key, FailsafeExecutor<Object>> executors = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CircuitBreaker<Object>> breakers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, RateLimiter<Object>> limiters = new ConcurrentHashMap<>();
    private final ExecutorService starts = DaemonThreads.fixedPool("offhours-calls",
            Math.max(2, Runtime.getRuntime().availableProcessors()));
    private final AtomicLong throttlesMet = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    public Pipelines(ResilienceSettings settings) {
        this.settings = settings;
    }

    /** Runs {@code call} through the pipeline of (account, region, family); runtime exceptions pass unchanged. */
    @SuppressWarnings("unchecked")
    public <T> T call(String account, String region, ApiFamily family, CheckedSupplier<T> call) {
        FailsafeExecutor<Object> executor = executors.computeIfAbsent(new Key(account, region, family), this::build);
        return (T) executor.get(call::get);
    }

    /**
     * Runs the asynchronous {@code call} through the pipeline of (account, region, family): the answer's future
     * completes with the call's result, or fails with the very exception the last attempt failed with (a
     * {@link dev.failsafe.RateLimitExceededException} or {@link dev.failsafe.CircuitBreakerOpenException} when the
     * pipeline itself refused), never a {@link java.util.concurrent.CompletionException} around it.
     */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> callAsync(String account, String region, ApiFamily family,
                                              Supplier<CompletableFuture<T>> call) {
        FailsafeExecutor<Object> executor = executors.computeIfAbsent(new Key(account, region, family), this::build);
        // The caller's trace context (a work item's span) is carried to the thread that starts each attempt, so the
        // SDK's call spans are its children, and to the thread that completes the answer, so what the caller does
        // next runs in it too.
        Context context = Context.current();
        CompletableFuture<T> answer = new CompletableFuture<>();
        ((CompletableFuture<T>) executor.getStageAsync(() -> {
            try (Scope ignored = context.makeCurrent()) {
                return Futures.start(call);
            }
        })).whenComplete((value, failure) -> {
            try (Scope ignored = context.makeCurrent()) {
                if (failure != null) {
                    answer.completeExceptionally(Futures.unwrap(failure));
                } else {
                    answer.complete(value);
                }
            }
        });
        return answer;
    }

    /** The hub's STS pipeline (limiter, retries, the account's breaker) around the credentials' AssumeRole calls. */
    public RoleCredentialsCache.StsGuard stsGuard() {
        return (account, call) -> callAsync(account, "", ApiFamily.STS, call);
    }

    /** Whether the breaker of {@code account} currently refuses calls. */
    public boolean isOpen(String account) {
        CircuitBreaker<Object> breaker = breakers.get(account);
        return breaker != null && breaker.isOpen();
    }

    /** Throttling answers seen so far, including those a retry then absorbed. */
    public long throttlesMet() {
        return throttlesMet.get();
    }

    public long retries() {
        return retries.get();
    }

    public ResilienceSettings settings() {
        return settings;
    }

    private FailsafeExecutor<Object> build(Key key) {
        CircuitBreaker<Object> breaker = breakers.computeIfAbsent(key.account(), account -> breaker());
        Key limiterKey = key.family() == ApiFamily.STS ? new Key("", "", ApiFamily.STS) : key;
        RateLimiter<Object> limiter = limiters.computeIfAbsent(limiterKey,
                k -> rateLimiter(settings.limits().get(k.family())));
        return Failsafe.with(breaker, retryPolicy(), limiter).with(starts);
    }

    private CircuitBreaker<Object> breaker() {
        return CircuitBreaker.builder()
                .handleIf(AwsErrors::isRoleUnavailable)
                .withFailureThreshold(settings.breakerFailures())
                .withDelay(settings.breakerDelay())
                .build();
    }

    private RetryPolicy<Object> retryPolicy() {
        return RetryPolicy.builder()
                .handleIf(error -> {
                    if (AwsErrors.isThrottling(error)) {
                        throttlesMet.incrementAndGet();
                        return true;
                    }
                    return AwsErrors.isTransient(error);
                })
                .withMaxRetries(settings.maxRetries())
                .withDelayFn(context -> fullJitter(context.getAttemptCount()))
                .onRetry(event -> retries.incrementAndGet())
                .build();
    }

    private Duration fullJitter(int attempt) {
        long ceiling = settings.baseDelay().toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(settings.maxDelay().toMillis(), ceiling);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capped + 1));
    }

    private RateLimiter<Object> rateLimiter(ResilienceSettings.RateLimit limit) {
        if (limit.smooth()) {
            long nanosPerPermit = (long) (1_000_000_000L / limit.perSecond());
            return RateLimiter.smoothBuilder(Duration.ofNanos(nanosPerPermit))
                    .withMaxWaitTime(settings.maxPermitWait()).build();
        }
        // Failsafe's bursty limiter hands out `burst` permits per period: a period of burst/rate keeps the
        // average at the refill rate while allowing AWS's burst.
        long periodNanos = (long) (limit.burst() * 1_000_000_000L / limit.perSecond());
        return RateLimiter.burstyBuilder(limit.burst(), Duration.ofNanos(periodNanos))
                .withMaxWaitTime(settings.maxPermitWait()).build();
    }
}

package dev.offhours.worker.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsAsyncClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Assumed-role credentials of the spoke accounts, one role per account ({@code arn:aws:iam::<account>:role/<roleName>},
 * with an ExternalId). Each is kept until {@code refreshMargin} before it expires; concurrent callers for one role
 * share the same AssumeRole call (single flight, a future) and callers for other roles are not held by it.
 *
 * <p>The AssumeRole call itself goes through the {@link StsGuard} (the hub's STS rate limiter, retries and the
 * account's breaker), once per refresh: the work items waiting for the same credentials take no permit of their own.
 * A failed AssumeRole is not kept; the next caller tries again (through the breaker).
 *
 * <p>{@link #provider(String)} gives a live view for SDK clients that are cached longer than a session lasts; callers
 * resolve {@link #credentialsAsync(String)} before using those clients, so STS failures are classified (and open the
 * account's breaker) there rather than inside an SDK call.
 */
public final class RoleCredentialsCache {

    /**
     * The session name of every spoke session, the service's worker pool and the Lambda function alike: it is how
     * the event parser tells offhours' own changes in the spokes' CloudTrail from everyone else's, so a second
     * name would make offhours' changes look foreign. {@code offhours-hub} is what the service always used.
     */
    public static final String SESSION_NAME = "offhours-hub";

    /** How the hub assumes spoke roles. {@code sessionName} shows up in the spokes' CloudTrail. */
    public record Settings(String roleName, String externalId, String sessionName, Duration sessionDuration,
                           Duration refreshMargin) {
        public static Settings of(String roleName, String externalId) {
            return new Settings(roleName, externalId, SESSION_NAME, Duration.ofHours(1), Duration.ofMinutes(5));
        }
    }

    /** What every AssumeRole passes through: the hub's STS pipeline, or nothing. */
    @FunctionalInterface
    public interface StsGuard {
        StsGuard NONE = (account, call) -> call.get();

        CompletableFuture<AssumeRoleResponse> around(String account, Supplier<CompletableFuture<AssumeRoleResponse>> call);
    }

    private final Function<AssumeRoleRequest, CompletableFuture<AssumeRoleResponse>> sts;
    private final Settings settings;
    private final Clock clock;
    private final StsGuard guard;
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong assumeRoleCalls = new AtomicLong();

    /** Asynchronous STS: no thread waits for AssumeRole (the worker). */
    public RoleCredentialsCache(StsAsyncClient sts, Settings settings, Clock clock, StsGuard guard) {
        this(sts::assumeRole, settings, clock, guard);
    }

    /** Synchronous STS: AssumeRole runs in the caller's thread (discovery, tools, tests). */
    public RoleCredentialsCache(StsClient sts, Settings settings, Clock clock, StsGuard guard) {
        this(request -> CompletableFuture.supplyAsync(() -> sts.assumeRole(request), Runnable::run), settings, clock,
                guard);
    }

    /** Synchronous STS without a guard. */
    public RoleCredentialsCache(StsClient sts, Settings settings, Clock clock) {
        this(sts, settings, clock, StsGuard.NONE);
    }

    private RoleCredentialsCache(Function<AssumeRoleRequest, CompletableFuture<AssumeRoleResponse>> sts,
                                 Settings settings, Clock clock, StsGuard guard) {
        this.sts = sts;
        this.settings = settings;
        this.clock = clock;
        this.guard = guard;
    }

    public String roleArn(String account) {
        return "arn:aws:iam::" + account + ":role/" + settings.roleName();
    }

    /**
     * Valid credentials for the account's role, calling STS only when none are cached or they expire soon. A failed
     * future fails with the STS (or pipeline) exception itself.
     */
    public CompletableFuture<AwsSessionCredentials> credentialsAsync(String account) {
        return slots.computeIfAbsent(account, key -> new Slot()).get(account);
    }

    /** {@link #credentialsAsync} for callers that may wait; the exception is the STS (or pipeline) one, unwrapped. */
    public AwsSessionCredentials credentials(String account) {
        try {
            return credentialsAsync(account).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Whether the next {@link #credentialsAsync(String)} of this account would call STS. */
    public boolean needsRefresh(String account) {
        Slot slot = slots.get(account);
        return slot == null || slot.needsRefresh();
    }

    /** An SDK credentials provider that always answers with the account's current cached credentials. */
    public AwsCredentialsProvider provider(String account) {
        return () -> credentials(account);
    }

    /** AssumeRole calls made so far (for the benchmark's calls-per-account figure). */
    public long assumeRoleCalls() {
        return assumeRoleCalls.get();
    }

    /** One role's credentials: the cached ones, or the one AssumeRole in flight that every caller shares. */
    private final class Slot {
        private CompletableFuture<AwsSessionCredentials> current;
        private Instant expiresAt = Instant.MIN;

        synchronized boolean needsRefresh() {
            return current == null || current.isDone() && stale();
        }

        private boolean stale() {
            return !clock.instant().isBefore(expiresAt.minus(settings.refreshMargin()));
        }

        synchronized CompletableFuture<AwsSessionCredentials> get(String account) {
            if (current != null && (!current.isDone() || !stale() && !current.isCompletedExceptionally())) {
                return current;
            }
            CompletableFuture<AwsSessionCredentials> refresh = guard.around(account, () -> assume(account))
                    .thenApply(this::keep);
            current = refresh;
            refresh.whenComplete((credentials, failure) -> {
                if (failure != null) {
                    forget(refresh);
                }
            });
            return refresh;
        }

        private CompletableFuture<AssumeRoleResponse> assume(String account) {
            assumeRoleCalls.incrementAndGet();
            return sts.apply(AssumeRoleRequest.builder()
                    .roleArn(roleArn(account))
                    .roleSessionName(settings.sessionName())
                    .externalId(settings.externalId())
                    .durationSeconds((int) settings.sessionDuration().toSeconds())
                    .build());
        }

        private synchronized AwsSessionCredentials keep(AssumeRoleResponse response) {
            Credentials c = response.credentials();
            expiresAt = c.expiration();
            return AwsSessionCredentials.builder()
                    .accessKeyId(c.accessKeyId())
                    .secretAccessKey(c.secretAccessKey())
                    .sessionToken(c.sessionToken())
                    .expirationTime(c.expiration())
                    .build();
        }

        private synchronized void forget(CompletableFuture<AwsSessionCredentials> failed) {
            if (current == failed) {
                current = null;
            }
        }
    }
}

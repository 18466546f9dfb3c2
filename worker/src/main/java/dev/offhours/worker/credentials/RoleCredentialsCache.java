package dev.offhours.worker.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Assumed-role credentials of the spoke accounts, one role per account ({@code arn:aws:iam::<account>:role/<roleName>},
 * with an ExternalId). Each is kept until {@code refreshMargin} before it expires; concurrent callers for one role
 * wait for the same AssumeRole call (single flight) and callers for other roles are not blocked by it.
 *
 * <p>{@link #provider(String)} gives a live view for SDK clients that are cached longer than a session lasts.
 * The worker calls {@link #credentials(String)} itself, through its STS pipeline, before using those clients, so
 * STS failures are classified (and open the account's breaker) there rather than inside an SDK call.
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

    private final StsClient sts;
    private final Settings settings;
    private final Clock clock;
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong assumeRoleCalls = new AtomicLong();
    private final Function<String, Slot> newSlot = account -> new Slot();

    public RoleCredentialsCache(StsClient sts, Settings settings, Clock clock) {
        this.sts = sts;
        this.settings = settings;
        this.clock = clock;
    }

    public String roleArn(String account) {
        return "arn:aws:iam::" + account + ":role/" + settings.roleName();
    }

    /** Valid credentials for the account's role, calling STS only when none are cached or they expire soon. */
    public AwsSessionCredentials credentials(String account) {
        return slots.computeIfAbsent(account, newSlot).get(account);
    }

    /**
     * Whether the next {@link #credentials(String)} of this account would call STS (nothing cached, or within the
     * refresh margin of expiry). Lets the worker take an STS rate-limiter permit only for real STS calls.
     */
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

    /** One role's credentials; the monitor makes concurrent refreshes of one role a single call. */
    private final class Slot {
        private AwsSessionCredentials current;
        private Instant expiresAt = Instant.MIN;

        synchronized boolean needsRefresh() {
            return current == null || !clock.instant().isBefore(expiresAt.minus(settings.refreshMargin()));
        }

        synchronized AwsSessionCredentials get(String account) {
            if (needsRefresh()) {
                assumeRoleCalls.incrementAndGet();
                AssumeRoleResponse response = sts.assumeRole(b -> b
                        .roleArn(roleArn(account))
                        .roleSessionName(settings.sessionName())
                        .externalId(settings.externalId())
                        .durationSeconds((int) settings.sessionDuration().toSeconds()));
                Credentials c = response.credentials();
                current = AwsSessionCredentials.builder()
                        .accessKeyId(c.accessKeyId())
                        .secretAccessKey(c.secretAccessKey())
                        .sessionToken(c.sessionToken())
                        .expirationTime(c.expiration())
                        .build();
                expiresAt = c.expiration();
            }
            return current;
        }
    }
}

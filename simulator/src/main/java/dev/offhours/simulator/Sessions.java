package dev.offhours.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Issues and verifies session credentials. The account id is readable in the access key id
 * ({@code ASIA<account><serial>}) and the session token ({@code sim/<account>/<role>/<serial>/<secret part>}); the
 * registry, not the text, decides validity, so credentials the simulator never issued are rejected like AWS does.
 */
final class Sessions {
    private final FleetTime time;
    private final AtomicLong serial = new AtomicLong();
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();

    Sessions(FleetTime time) {
        this.time = time;
    }

    Session issue(String account, String roleName, String sessionName, Duration duration) {
        long n = serial.incrementAndGet();
        String accessKeyId = "ASIA" + account + String.format("%04X", n & 0xFFFF);
        String secret = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE) + Long.toHexString(n);
        String token = "sim/" + account + "/" + roleName + "/" + n + "/" + secret.substring(0, 8);
        Session session = new Session(account, roleName, sessionName, accessKeyId, secret, token,
                time.instant().plus(duration));
        byToken.put(token, session);
        return session;
    }

    /** The session behind these credentials, or the family's InvalidClientTokenId/ExpiredToken error. */
    Session authenticate(ApiFamily family, AwsCredentialsProvider provider) {
        AwsCredentials credentials = provider.resolveCredentials();
        if (!(credentials instanceof AwsSessionCredentials sessionCredentials)) {
            throw AwsErrors.invalidToken(family);
        }
        Session session = byToken.get(sessionCredentials.sessionToken());
        if (session == null
                || !session.accessKeyId().equals(sessionCredentials.accessKeyId())
                || !session.secretAccessKey().equals(sessionCredentials.secretAccessKey())) {
            throw AwsErrors.invalidToken(family);
        }
        if (!time.instant().isBefore(session.expiration())) {
            throw AwsErrors.expiredToken(family);
        }
        return session;
    }

    static AwsSessionCredentials credentials(Session session) {
        return AwsSessionCredentials.builder()
                .accessKeyId(session.accessKeyId())
                .secretAccessKey(session.secretAccessKey())
                .sessionToken(session.sessionToken())
                .expirationTime(session.expiration())
                .build();
    }
}

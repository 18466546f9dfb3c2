package dev.offhours.reconciler.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C trace contexts ({@code 00-<trace id>-<span id>-01}) for work items. {@link #forIntent} derives the trace id
 * from the schedule and the intent's instant, so every pass over one intent (the first, resends, another replica's
 * after a crash) and the event announcing it share one trace id, which the operation records carry.
 */
public final class Traceparent {

    private Traceparent() {
    }

    /** The intent's trace id (from a hash of schedule and instant) with a new span id. */
    public static String forIntent(String schedule, Instant since) {
        return "00-" + traceId(schedule, since) + "-" + nonZeroHex(ThreadLocalRandom.current(), 8) + "-01";
    }

    /** 32 lowercase hex digits, the same for the same schedule and instant on every replica. */
    public static String traceId(String schedule, Instant since) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((schedule + "\n" + since).getBytes(StandardCharsets.UTF_8));
            byte[] id = Arrays.copyOf(digest, 16);
            if (allZero(id)) {
                id[15] = 1;
            }
            return HexFormat.of().formatHex(id);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "00-" + nonZeroHex(random, 16) + "-" + nonZeroHex(random, 8) + "-01";
    }

    /** All-zero ids are invalid in W3C trace context. */
    private static String nonZeroHex(ThreadLocalRandom random, int bytes) {
        byte[] id = new byte[bytes];
        do {
            random.nextBytes(id);
        } while (allZero(id));
        return HexFormat.of().formatHex(id);
    }

    private static boolean allZero(byte[] id) {
        for (byte b : id) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}

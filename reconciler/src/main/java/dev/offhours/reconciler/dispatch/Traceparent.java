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

    /**
     * 32 lowercase hex digits, the same for the same schedule and instant on every replica: the instant's epoch
     * seconds, then 12 bytes of a hash of schedule and instant. The leading time makes it a trace id that AWS X-Ray
     * accepts as well (X-Ray wants the trace's start time there), so the transition's trace joins X-Ray unchanged.
     */
    public static String traceId(String schedule, Instant since) {
        byte[] digest = sha256(schedule + "\n" + since);
        byte[] id = new byte[16];
        long seconds = since.getEpochSecond();
        for (int i = 0; i < 4; i++) {
            id[i] = (byte) (seconds >>> (24 - 8 * i));
        }
        System.arraycopy(digest, 0, id, 4, 12);
        if (allZero(id)) {
            id[15] = 1;
        }
        return HexFormat.of().formatHex(id);
    }

    /**
     * 16 hex digits: the span id of the transition's root, which no process records; the hub's dispatch spans name
     * it as their (remote) parent, so every pass over the intent hangs under one root in the trace.
     */
    public static String rootSpanId(String schedule, Instant since) {
        byte[] id = Arrays.copyOf(sha256("root\n" + schedule + "\n" + since), 8);
        if (allZero(id)) {
            id[7] = 1;
        }
        return HexFormat.of().formatHex(id);
    }

    /** A traceparent with these ids, sampled or not. */
    public static String of(String traceId, String spanId, boolean sampled) {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
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

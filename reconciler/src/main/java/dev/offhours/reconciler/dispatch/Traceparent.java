package dev.offhours.reconciler.dispatch;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A new W3C trace context per dispatched transition ({@code 00-<trace id>-<span id>-01}): every work item of the
 * transition carries it, so the spoke calls of one transition share one trace.
 */
public final class Traceparent {

    private Traceparent() {
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

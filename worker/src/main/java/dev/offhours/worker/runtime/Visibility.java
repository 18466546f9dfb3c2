package dev.offhours.worker.runtime;

import java.time.Duration;

/** SQS visibility timeouts: whole seconds, 0 to 12 hours. */
public final class Visibility {

    /** SQS refuses a visibility timeout longer than 12 hours. */
    public static final Duration MAX = Duration.ofHours(12);

    private Visibility() {
    }

    /** The delay in whole seconds, rounded up so a retry never comes early, and capped at 12 hours. */
    public static int seconds(Duration delay) {
        if (delay == null || delay.isNegative() || delay.isZero()) {
            return 0;
        }
        if (delay.compareTo(MAX) >= 0) {
            return (int) MAX.toSeconds();
        }
        long seconds = delay.toSeconds();
        return (int) (delay.toNanosPart() > 0 ? seconds + 1 : seconds);
    }
}

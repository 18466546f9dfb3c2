package dev.offhours.core.schedule;

import java.time.Instant;

/**
 * A time-boxed override: targets stay awake until {@code until}, then the schedule applies again. Without
 * {@code from} (null) it holds from whenever it was merged; with it, it is a planned window {@code [from, until)}.
 */
public record KeepAwake(Instant from, Instant until, String reason) {
    public KeepAwake {
        reason = reason == null ? "" : reason;
        if (from != null && !from.isBefore(until)) {
            throw new IllegalArgumentException("keepAwake from " + from + " is not before until " + until);
        }
    }

    /** An override that holds from now until {@code until}. */
    public KeepAwake(Instant until, String reason) {
        this(null, until, reason);
    }

    /** True when it keeps targets awake at {@code instant}. */
    public boolean holdsAt(Instant instant) {
        return instant.isBefore(until) && (from == null || !instant.isBefore(from));
    }
}

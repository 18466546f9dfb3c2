package dev.offhours.core.schedule;

import java.time.Instant;

/** A time-boxed override: targets stay awake until {@code until}, then the schedule applies again. */
public record KeepAwake(Instant until, String reason) {
    public KeepAwake {
        reason = reason == null ? "" : reason;
    }
}

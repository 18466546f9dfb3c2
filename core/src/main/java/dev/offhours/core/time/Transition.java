package dev.offhours.core.time;

import java.time.Instant;

/** At {@code at} the schedule's targets enter {@code state}. */
public record Transition(Instant at, PowerState state) {
}

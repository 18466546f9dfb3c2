package dev.offhours.core.time;

import java.time.Instant;

/** The schedule wants {@code state} for every instant in [{@code from}, {@code to}). */
public record StateInterval(PowerState state, Instant from, Instant to) {
}

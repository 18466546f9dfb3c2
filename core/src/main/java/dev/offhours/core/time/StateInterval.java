package dev.offhours.core.time;

import java.time.Instant;

/**
 * The schedule wants {@code state} for every instant in [{@code from}, {@code to}), awake at
 * {@code capacityPercent} of the saved awake capacity (0 when asleep).
 */
public record StateInterval(PowerState state, Instant from, Instant to, int capacityPercent) {

    /** Full capacity when awake. */
    public StateInterval(PowerState state, Instant from, Instant to) {
        this(state, from, to, state == PowerState.AWAKE ? 100 : 0);
    }
}

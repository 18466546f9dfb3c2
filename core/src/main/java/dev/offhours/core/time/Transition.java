package dev.offhours.core.time;

import java.time.Instant;

/**
 * At {@code at} the schedule's targets enter {@code state}; awake at {@code capacityPercent} of their saved awake
 * capacity (100: full; less: a reduced period), asleep at 0. Two transitions in a row may both be AWAKE when the
 * capacity changes between touching periods.
 */
public record Transition(Instant at, PowerState state, int capacityPercent) {

    public Transition {
        if (state == PowerState.ASLEEP ? capacityPercent != 0 : capacityPercent < 1 || capacityPercent > 100) {
            throw new IllegalArgumentException("a transition to " + state + " cannot have capacity "
                    + capacityPercent + "%");
        }
    }

    /** Full capacity when awake. */
    public Transition(Instant at, PowerState state) {
        this(at, state, state == PowerState.AWAKE ? 100 : 0);
    }

    /** Awake below full capacity. */
    public boolean reduced() {
        return state == PowerState.AWAKE && capacityPercent < 100;
    }
}

package dev.offhours.core.port;

import java.time.Instant;
import java.util.Objects;

/** The latest transition of a schedule whose work items were sent (catch-up compares it with the calculus). */
public record DispatchedTransition(String schedule, Instant transition, int count, Instant dispatchedAt) {

    public DispatchedTransition {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(dispatchedAt, "dispatchedAt");
        if (count < 0) {
            throw new IllegalArgumentException("dispatched count must be 0 or more, but was " + count);
        }
    }
}

package dev.offhours.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * Who dispatches one transition of one schedule, and what was sent.
 *
 * @param dispatchedCount work items enqueued, null until {@link ControlStore#recordDispatch} ran
 * @param dispatchedAt    null until dispatched
 */
public record TransitionClaim(String schedule, Instant transition, String owner, Instant claimedAt,
                              Integer dispatchedCount, Instant dispatchedAt) {

    public TransitionClaim {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(claimedAt, "claimedAt");
    }

    public boolean dispatched() {
        return dispatchedAt != null;
    }
}

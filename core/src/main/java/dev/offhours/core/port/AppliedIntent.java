package dev.offhours.core.port;

import dev.offhours.core.work.Action;
import java.time.Instant;
import java.util.Objects;

/**
 * The newest intent a worker has started on one target, kept on the target's inventory item: which schedule, which
 * intent instant (a scheduled transition, or the moment a change to the schedule made the target's desired state
 * change), what it asked for, and how it ended. The worker orders its work by it (an item older than this one is
 * superseded); the hub judges convergence by it (a target has converged to an intent when this mark covers it).
 *
 * @param outcome    final status of the intent on this target; null while a worker is still on it
 * @param leaseUntil while {@code outcome} is null, the worker that started it owns the target until then; a worker
 *                   that dies lets the lease run out, and the next one takes over
 */
public record AppliedIntent(String schedule, Instant transition, Action action, OperationStatus outcome,
                            Instant leaseUntil, Instant updatedAt) {

    public AppliedIntent {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (outcome == OperationStatus.IN_PROGRESS) {
            outcome = null;
        }
    }

    public boolean finished() {
        return outcome != null;
    }

    /** True while a worker that has not finished holds the target. */
    public boolean leasedAt(Instant now) {
        return !finished() && leaseUntil != null && leaseUntil.isAfter(now);
    }

    /** True when this mark ends the intent {@code (schedule, since)} or a later one of the same schedule. */
    public boolean covers(String schedule, Instant since) {
        return finished() && this.schedule.equals(schedule) && !transition.isBefore(since);
    }
}

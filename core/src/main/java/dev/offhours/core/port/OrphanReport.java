package dev.offhours.core.port;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.work.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A resource that lost its opt-in tag while asleep, as reported to operators: offhours can no longer wake it, so
 * someone must restore {@code savedAwake} by hand. Kept {@link #RETENTION} after the report, or until the resource
 * opts in again.
 *
 * @param schedule   the schedule it was bound to
 * @param current    its (asleep) capacity when reported
 * @param savedAwake the awake capacity to restore, null when not known
 * @param reportedBy who noticed: {@link #DISCOVERY} or {@link #EVENT}
 */
public record OrphanReport(Target target, String schedule, Capacity current, Capacity savedAwake, Instant reportedAt,
                           String reportedBy) {

    public static final String DISCOVERY = "discovery";
    public static final String EVENT = "event";
    /** How long a report is listed when nobody re-tags the resource; forgotten ones vanish after this. */
    public static final Duration RETENTION = Duration.ofDays(30);
    private static final Set<String> REPORTERS = Set.of(DISCOVERY, EVENT);

    public OrphanReport {
        Objects.requireNonNull(target, "orphan report target");
        if (schedule == null || schedule.isBlank()) {
            throw new IllegalArgumentException("orphan report of " + target.key() + " needs the schedule it was bound to");
        }
        Objects.requireNonNull(current, "orphan report of " + target.key() + " needs its current capacity");
        Objects.requireNonNull(reportedAt, "orphan report of " + target.key() + " needs the time it was reported");
        if (!REPORTERS.contains(reportedBy)) {
            throw new IllegalArgumentException("orphan report of " + target.key() + ": reporter '" + reportedBy
                    + "' is not one of " + DISCOVERY + ", " + EVENT);
        }
    }

    /** When the report stops being listed (and the DynamoDB TTL deletes it). */
    public Instant expiresAt() {
        return reportedAt.plus(RETENTION);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt());
    }
}

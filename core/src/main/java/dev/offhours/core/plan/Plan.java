package dev.offhours.core.plan;

import dev.offhours.core.schedule.ScheduleCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a change of the schedules repository does: the schedules it adds, changes and removes, and for each the
 * transitions of the horizon after {@code now} before and after the change. Pure: built from two catalogs and an
 * instant. Changes are sorted by schedule name.
 *
 * @param unchanged  how many schedules exist in both revisions with the same effect
 * @param calendars  calendars added, changed (their dates) and removed
 * @param accounts   accounts of the registry added, changed and removed, by alias
 */
public record Plan(
        Instant now,
        Duration horizon,
        List<ScheduleChange> changes,
        int unchanged,
        NameChanges calendars,
        NameChanges accounts) {

    /** How far ahead a plan looks: one week shows every weekday and the weekend once. */
    public static final Duration DEFAULT_HORIZON = Duration.ofDays(7);

    public Plan {
        changes = List.copyOf(changes);
    }

    public static Plan between(ScheduleCatalog base, ScheduleCatalog head, Instant now, HolidayLookup holidays) {
        return between(base, head, now, DEFAULT_HORIZON, holidays);
    }

    public static Plan between(ScheduleCatalog base, ScheduleCatalog head, Instant now, Duration horizon,
            HolidayLookup holidays) {
        return new PlanBuilder(base, head, now, horizon, holidays).build();
    }

    public Instant end() {
        return now.plus(horizon);
    }

    public List<ScheduleChange> changes(ChangeKind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    public boolean isEmpty() {
        return changes.isEmpty() && calendars.isEmpty() && accounts.isEmpty();
    }
}

package dev.offhours.core.plan;

import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.HolidayCalendar;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.time.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Computes a {@link Plan}; one instance per plan. */
final class PlanBuilder {

    /** What of a calendar decides days asleep; its description and file do not. */
    private record CalendarDays(Set<Object> dates, Optional<String> country, Optional<String> subdivision) {
        static CalendarDays of(HolidayCalendar calendar) {
            return new CalendarDays(new HashSet<>(calendar.dates()), calendar.country(), calendar.subdivision());
        }
    }

    private final ScheduleCatalog base;
    private final ScheduleCatalog head;
    private final Instant now;
    private final Duration horizon;
    private final HolidayLookup holidays;

    PlanBuilder(ScheduleCatalog base, ScheduleCatalog head, Instant now, Duration horizon, HolidayLookup holidays) {
        this.base = Objects.requireNonNull(base, "base");
        this.head = Objects.requireNonNull(head, "head");
        this.now = Objects.requireNonNull(now, "now");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("A plan's horizon must be positive, not " + horizon);
        }
        this.horizon = horizon;
        this.holidays = Objects.requireNonNull(holidays, "holidays");
    }

    Plan build() {
        NameChanges calendarChanges = calendarChanges();
        Set<String> changedCalendars = new TreeSet<>(calendarChanges.changed());
        List<ScheduleChange> changes = new ArrayList<>();
        int unchanged = 0;
        Set<String> names = new TreeSet<>(base.schedules().keySet());
        names.addAll(head.schedules().keySet());
        for (String name : names) {
            Schedule before = base.schedules().get(name);
            Schedule after = head.schedules().get(name);
            if (before == null) {
                changes.add(change(name, ChangeKind.ADDED, after.file(), List.of(), List.of(), null, after));
            } else if (after == null) {
                changes.add(change(name, ChangeKind.REMOVED, before.file(), List.of(), List.of(), before, null));
            } else {
                List<String> fields = ScheduleFields.changed(before, after);
                List<String> calendars = after.calendars().stream()
                        .filter(c -> before.calendars().contains(c) && changedCalendars.contains(c))
                        .sorted().toList();
                if (fields.isEmpty() && calendars.isEmpty()) {
                    unchanged++;
                } else {
                    changes.add(change(name, ChangeKind.CHANGED, after.file(), fields, calendars, before, after));
                }
            }
        }
        return new Plan(now, horizon, changes, unchanged, calendarChanges, accountChanges());
    }

    private ScheduleChange change(String name, ChangeKind kind, String file, List<String> fields,
            List<String> calendars, Schedule before, Schedule after) {
        return new ScheduleChange(name, kind, file, fields, calendars,
                Optional.ofNullable(before).map(s -> forecast(s, base)),
                Optional.ofNullable(after).map(s -> forecast(s, head)));
    }

    private Forecast forecast(Schedule schedule, ScheduleCatalog catalog) {
        Timeline timeline = Timeline.of(schedule, holidays.forSchedule(schedule, catalog.calendars()));
        return new Forecast(schedule.timeZone(), timeline.stateAt(now), timeline.transitions(now, now.plus(horizon)),
                schedule.suspend(), schedule.keptAwakeAt(now), schedule.warmUp());
    }

    private NameChanges calendarChanges() {
        return NameChanges.between(calendarDays(base), calendarDays(head));
    }

    private static Map<String, CalendarDays> calendarDays(ScheduleCatalog catalog) {
        Map<String, CalendarDays> days = new TreeMap<>();
        catalog.calendars().forEach((name, calendar) -> days.put(name, CalendarDays.of(calendar)));
        return days;
    }

    private NameChanges accountChanges() {
        return NameChanges.between(accountsByAlias(base), accountsByAlias(head));
    }

    private static Map<String, Account> accountsByAlias(ScheduleCatalog catalog) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        catalog.accounts().accounts().forEach(a -> accounts.put(a.alias(), a));
        return accounts;
    }
}

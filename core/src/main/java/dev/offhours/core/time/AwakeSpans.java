package dev.offhours.core.time;

import dev.offhours.core.calendar.HolidaySource;
import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.KeepAwake;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the awake spans of one schedule for the periods that start on a range of local days: periods resolved to
 * instants and moved earlier by the warm-up, holidays removed, overlapping and touching spans merged, and the
 * keepAwake overrides (open-ended and planned windows) laid on top.
 * Works day by day, so a year costs a few hundred small steps whatever the periods are.
 */
final class AwakeSpans {

    /** Awake for every instant in [from, to). */
    record Span(Instant from, Instant to) {
        boolean contains(Instant instant) {
            return !instant.isBefore(from) && instant.isBefore(to);
        }
    }

    /** Weekly periods by the day they start on, and the other ones, which each day asks. */
    private final Map<DayOfWeek, List<AwakePeriod>> weeklyByDay = new EnumMap<>(DayOfWeek.class);
    private final Map<DayOfWeek, List<AwakePeriod>> otherByDay = new EnumMap<>(DayOfWeek.class);
    private final LocalTimeResolver resolver;
    private final HolidaySource holidays;
    private final Set<LocalDate> sleepOn;
    private final Duration warmUp;
    private final Instant keepAwakeUntil;
    private final List<Span> plannedWindows = new ArrayList<>();

    AwakeSpans(Schedule schedule, HolidaySource holidays, LocalTimeResolver resolver) {
        for (DayOfWeek day : DayOfWeek.values()) {
            weeklyByDay.put(day, new ArrayList<>());
            otherByDay.put(day, new ArrayList<>());
        }
        for (AwakePeriod period : schedule.awake()) {
            Map<DayOfWeek, List<AwakePeriod>> index = period.weekly() ? weeklyByDay : otherByDay;
            Set<DayOfWeek> days = period.weekly() ? period.days() : period.possibleWeekdays();
            days.forEach(day -> index.get(day).add(period));
        }
        this.resolver = resolver;
        this.holidays = holidays;
        this.sleepOn = new HashSet<>(schedule.sleepOn());
        this.warmUp = schedule.warmUp();
        this.keepAwakeUntil = schedule.keepAwakeUntil().orElse(null);
        for (KeepAwake window : schedule.keepAwake()) {
            if (window.from() != null) {
                plannedWindows.add(new Span(window.from(), window.until()));
            }
        }
    }

    /**
     * Merged, sorted, disjoint and non-touching spans of the periods starting on {@code firstDay} to
     * {@code lastDay} (inclusive), joined with the keepAwake span that reaches back indefinitely.
     * Boundaries are exact only well inside the day range: callers pad the range on both sides.
     */
    List<Span> between(LocalDate firstDay, LocalDate lastDay) {
        List<Span> raw = new ArrayList<>();
        if (keepAwakeUntil != null) {
            raw.add(new Span(Instant.MIN, keepAwakeUntil));
        }
        raw.addAll(plannedWindows);
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            addPeriodsStartingOn(day, raw);
        }
        raw.sort(Comparator.comparing(Span::from));
        return merge(raw);
    }

    private void addPeriodsStartingOn(LocalDate day, List<Span> out) {
        List<AwakePeriod> weekly = weeklyByDay.get(day.getDayOfWeek());
        List<AwakePeriod> other = otherByDay.get(day.getDayOfWeek());
        if ((weekly.isEmpty() && other.isEmpty()) || isWholeDayAsleep(day)) {
            return;
        }
        for (AwakePeriod period : weekly) {
            addPeriod(day, period, out);
        }
        for (AwakePeriod period : other) {
            if (period.appliesOn(day)) {
                addPeriod(day, period, out);
            }
        }
    }

    private void addPeriod(LocalDate day, AwakePeriod period, List<Span> out) {
        Instant start = resolver.instantOf(day.atTime(period.from()));
        LocalDate endDay = period.crossesMidnight() ? day.plusDays(1) : day;
        Instant end = resolver.instantOf(endDay.atTime(period.to()));
        // A period squeezed to nothing by a spring-forward gap (02:00-03:00 on that day) disappears, warm-up and
        // all. The warm-up is elapsed time before the resolved start, so it is the same length across a DST change.
        if (end.isAfter(start)) {
            out.add(new Span(start.minus(warmUp), end));
        }
    }

    private boolean isWholeDayAsleep(LocalDate day) {
        return sleepOn.contains(day) || holidays.holidayOn(day).isPresent();
    }

    private static List<Span> merge(List<Span> sorted) {
        List<Span> merged = new ArrayList<>(sorted.size());
        Span current = null;
        for (Span next : sorted) {
            if (current == null) {
                current = next;
            } else if (!next.from().isAfter(current.to())) {
                // Overlapping or touching (Mon 22:00-02:00 then Tue 02:00-06:00): one span, no transition between.
                current = new Span(current.from(), max(current.to(), next.to()));
            } else {
                merged.add(current);
                current = next;
            }
        }
        if (current != null) {
            merged.add(current);
        }
        return merged;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

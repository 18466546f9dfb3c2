package dev.offhours.core.time;

import dev.offhours.core.calendar.HolidaySource;
import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.KeepAwake;
import dev.offhours.core.schedule.Schedule;
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
 * instants and moved earlier by the warm-up, holidays removed, the keepAwake overrides (open-ended and planned
 * windows) laid on top, and the highest capacity in force kept where they overlap.
 * Works day by day, so a year costs a few hundred small steps whatever the periods are.
 */
final class AwakeSpans {

    /** Awake at {@code percent} of the awake capacity for every instant in [from, to). */
    record Span(Instant from, Instant to, int percent) {
        Span(Instant from, Instant to) {
            this(from, to, AwakePeriod.FULL);
        }

        boolean contains(Instant instant) {
            return !instant.isBefore(from) && instant.isBefore(to);
        }
    }

    /** One end of a raw span, for the sweep: +1 at its start, -1 at its end. */
    private record Edge(Instant at, int delta, int percent) {
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
     * Sorted, disjoint spans of the periods starting on {@code firstDay} to {@code lastDay} (inclusive), joined with
     * the keepAwake spans (full capacity). Where raw spans overlap (a warm-up reaching into the previous period, a
     * keepAwake) the highest capacity wins; spans that touch or overlap at the same capacity are one span, so two
     * spans touch only when their capacities differ. Boundaries are exact only well inside the day range: callers
     * pad the range on both sides.
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
        return sweep(raw);
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
            out.add(new Span(start.minus(warmUp), end, period.capacityPercent()));
        }
    }

    private boolean isWholeDayAsleep(LocalDate day) {
        return sleepOn.contains(day) || holidays.holidayOn(day).isPresent();
    }

    /** The highest capacity in force at each instant, as spans; runs at the same capacity are one span. */
    private static List<Span> sweep(List<Span> raw) {
        List<Edge> edges = new ArrayList<>(raw.size() * 2);
        for (Span span : raw) {
            edges.add(new Edge(span.from(), 1, span.percent()));
            edges.add(new Edge(span.to(), -1, span.percent()));
        }
        edges.sort(Comparator.comparing(Edge::at));
        int[] open = new int[AwakePeriod.FULL + 1];
        List<Span> spans = new ArrayList<>(raw.size());
        Instant start = null;
        int level = 0;
        for (int i = 0; i < edges.size(); ) {
            Instant at = edges.get(i).at();
            for (; i < edges.size() && edges.get(i).at().equals(at); i++) {
                open[edges.get(i).percent()] += edges.get(i).delta();
            }
            int now = highest(open);
            if (now != level) {
                if (level > 0) {
                    spans.add(new Span(start, at, level));
                }
                start = at;
                level = now;
            }
        }
        return spans;
    }

    private static int highest(int[] open) {
        for (int percent = AwakePeriod.FULL; percent > 0; percent--) {
            if (open[percent] > 0) {
                return percent;
            }
        }
        return 0;
    }

}

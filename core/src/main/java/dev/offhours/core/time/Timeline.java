package dev.offhours.core.time;

import dev.offhours.core.calendar.HolidaySource;
import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.time.AwakeSpans.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The time calculus of one schedule. Pure: every method takes the instants it needs, nothing
 * reads a clock. Immutable and thread-safe when the {@link HolidaySource} is.
 *
 * <ul>
 *   <li>A period belongs to the local day it starts on and ends on that day, or on the next when {@code to} is not
 *       after {@code from} ({@code 00:00}-{@code 24:00} is a whole day).</li>
 *   <li>A holiday of the {@link HolidaySource}, or a date of the schedule's {@code sleepOn}, cancels the periods that
 *       start on it; a period that started the evening before still runs into it.</li>
 *   <li>Local times in a spring-forward gap move forward by the gap; ambiguous ones take the earlier offset; a period
 *       left empty by that disappears. Overlapping or touching periods merge: no transition between them, unless
 *       they run at different capacities: then the boundary is a transition from one capacity to the other.</li>
 *   <li>A period applies on the local days all its selectors match (days of the week, nth and last weekdays of the
 *       month, days of the month, months); the rules above hold for it unchanged.</li>
 *   <li>Warm-up: each period's start moves earlier by the schedule's warm-up, as elapsed time from the resolved start
 *       (so across a DST change it stays as long); its end does not move. A warm-up that reaches back into the
 *       previous awake span joins it; where spans overlap the higher capacity wins, so an upward change of capacity
 *       moves earlier by the warm-up and a downward one does not.</li>
 *   <li>keepAwake: every instant before its {@code until} is awake; from {@code until} on the periods apply again. A
 *       planned one ({@code from}) is awake in {@code [from, until)} only.</li>
 * </ul>
 * Searches ({@link #nextTransition}, {@link #lastTransition}) look at most {@link #SEARCH_HORIZON} away.
 */
public final class Timeline {

    /** How far nextTransition and lastTransition look before answering "none". */
    public static final Duration SEARCH_HORIZON = Duration.ofDays(731);

    private static final Duration SEARCH_STEP = Duration.ofDays(32);
    /** Periods starting this many local days before an instant can still be running at it (24h plus a gap). */
    private static final int DAYS_BEFORE = 2;
    private static final Duration ONE_NANO = Duration.ofNanos(1);

    private final LocalTimeResolver resolver;
    private final AwakeSpans spans;
    private final Instant keepAwakeUntil;

    private Timeline(Schedule schedule, HolidaySource holidays) {
        this.resolver = new LocalTimeResolver(schedule.timeZone());
        this.spans = new AwakeSpans(schedule, holidays, resolver);
        this.keepAwakeUntil = schedule.keepAwakeUntil().orElse(null);
    }

    public static Timeline of(Schedule schedule, HolidaySource holidays) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(holidays, "holidays");
        return new Timeline(schedule, holidays);
    }

    public ZoneId timeZone() {
        return resolver.zone();
    }

    /** What the schedule wants at {@code instant}. */
    public PowerState stateAt(Instant instant) {
        return capacityAt(instant) > 0 ? PowerState.AWAKE : PowerState.ASLEEP;
    }

    /** The share of the saved awake capacity the schedule wants at {@code instant}, in percent; 0 when asleep. */
    public int capacityAt(Instant instant) {
        if (keepAwakeUntil != null && instant.isBefore(keepAwakeUntil)) {
            return AwakePeriod.FULL;
        }
        LocalDate day = resolver.dateOf(instant);
        for (Span span : spans.between(day.minusDays(DAYS_BEFORE), day.plusDays(1))) {
            if (span.contains(instant)) {
                return span.percent();
            }
        }
        return 0;
    }

    /**
     * Every transition with {@code from <= at < to}, strictly increasing, each to another state or capacity than the
     * one before: awake at a capacity, asleep, or (between touching periods of different capacities) awake at
     * another capacity.
     */
    public List<Transition> transitions(Instant from, Instant to) {
        List<Transition> found = new ArrayList<>();
        if (!from.isBefore(to)) {
            return found;
        }
        LocalDate firstDay = resolver.dateOf(from).minusDays(DAYS_BEFORE);
        LocalDate lastDay = resolver.dateOf(to).plusDays(1);
        List<Span> all = spans.between(firstDay, lastDay);
        for (int i = 0; i < all.size(); i++) {
            Span span = all.get(i);
            if (within(span.from(), from, to)) {
                found.add(new Transition(span.from(), PowerState.AWAKE, span.percent()));
            }
            boolean nextTouches = i + 1 < all.size() && all.get(i + 1).from().equals(span.to());
            if (!nextTouches && within(span.to(), from, to)) {
                found.add(new Transition(span.to(), PowerState.ASLEEP));
            }
        }
        return found;
    }

    /** The first transition strictly after {@code instant}, if one happens within the search horizon. */
    public Optional<Transition> nextTransition(Instant instant) {
        Instant start = instant.plus(ONE_NANO);
        if (keepAwakeUntil != null && start.isBefore(keepAwakeUntil)) {
            start = keepAwakeUntil; // everything before it is awake: nothing can change earlier
        }
        Instant horizon = start.plus(SEARCH_HORIZON);
        for (Instant from = start; from.isBefore(horizon); ) {
            Instant to = min(from.plus(SEARCH_STEP), horizon);
            List<Transition> found = transitions(from, to);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
            from = to;
        }
        return Optional.empty();
    }

    /**
     * The latest transition at or before {@code instant}, if one happened within the search horizon. Before a
     * keepAwake expires there is none: the override makes every earlier instant awake.
     */
    public Optional<Transition> lastTransition(Instant instant) {
        Instant end = instant.plus(ONE_NANO);
        Instant floor = end.minus(SEARCH_HORIZON);
        if (keepAwakeUntil != null) {
            if (instant.isBefore(keepAwakeUntil)) {
                return Optional.empty();
            }
            floor = max(floor, keepAwakeUntil);
        }
        for (Instant to = end; to.isAfter(floor); ) {
            Instant from = max(to.minus(SEARCH_STEP), floor);
            List<Transition> found = transitions(from, to);
            if (!found.isEmpty()) {
                return Optional.of(found.get(found.size() - 1));
            }
            to = from;
        }
        return Optional.empty();
    }

    /** Contiguous intervals covering [{@code from}, {@code to}), adjacent ones in different states or capacities. */
    public List<StateInterval> intervals(Instant from, Instant to) {
        List<StateInterval> intervals = new ArrayList<>();
        if (!from.isBefore(to)) {
            return intervals;
        }
        int capacity = capacityAt(from);
        Instant start = from;
        for (Transition transition : transitions(from, to)) {
            if (transition.at().equals(from)) {
                continue; // already the state at from
            }
            intervals.add(interval(capacity, start, transition.at()));
            capacity = transition.capacityPercent();
            start = transition.at();
        }
        intervals.add(interval(capacity, start, to));
        return intervals;
    }

    private static StateInterval interval(int capacity, Instant from, Instant to) {
        return new StateInterval(capacity > 0 ? PowerState.AWAKE : PowerState.ASLEEP, from, to, capacity);
    }

    /**
     * Intervals covering the local days {@code firstDay} to {@code lastDay} inclusive: from the start of the first
     * day to the start of the day after the last, in the schedule's time zone (what {@code describe} prints).
     */
    public List<StateInterval> intervals(LocalDate firstDay, LocalDate lastDay) {
        return intervals(resolver.startOf(firstDay), resolver.startOf(lastDay.plusDays(1)));
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

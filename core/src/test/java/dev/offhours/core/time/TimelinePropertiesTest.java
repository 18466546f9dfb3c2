package dev.offhours.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.calendar.HolidaySource;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.KeepAwake;
import dev.offhours.core.schedule.MonthDayRange;
import dev.offhours.core.schedule.NthWeekday;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Invariants of the calculus over generated schedules: random zones (DST with whole, half and 45-minute offsets,
 * none, negative and odd ones), periods biased towards the hours where DST changes happen, a third of them with the
 * monthly selectors (nth and last weekdays, days of the month with L, months), reduced capacities, warm-ups,
 * holidays, keepAwake (open
 * or a planned window), and windows that often straddle a DST change.
 */
class TimelinePropertiesTest {

    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
            "Asia/Kolkata", "Pacific/Chatham", "UTC", "America/St_Johns", "America/Santiago", "Africa/Casablanca",
            "Antarctica/Troll", "Asia/Tehran", "Europe/London", "America/Havana");
    private static final Instant EARLIEST = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2028-12-31T00:00:00Z");

    /** One generated schedule with its holidays and a query window [from, to). */
    record Case(Schedule schedule, Set<LocalDate> holidays, Instant from, Instant to) {
        Timeline timeline() {
            HolidaySource source = date -> holidays.contains(date) ? Optional.of("holiday") : Optional.empty();
            return Timeline.of(schedule, source);
        }
    }

    @Property(tries = 400)
    void transitionsStrictlyIncreaseAlternateAndAgreeWithStateAt(@ForAll("cases") Case c) {
        Timeline timeline = c.timeline();
        List<Transition> transitions = timeline.transitions(c.from(), c.to());

        int before = timeline.capacityAt(c.from().minusNanos(1));
        Instant previous = null;
        for (Transition transition : transitions) {
            assertThat(transition.at()).isBetween(c.from(), c.to().minusNanos(1));
            if (previous != null) {
                assertThat(transition.at()).isAfter(previous);
            }
            assertThat(transition.capacityPercent()).isNotEqualTo(before);
            assertThat(timeline.capacityAt(transition.at())).isEqualTo(transition.capacityPercent());
            assertThat(timeline.stateAt(transition.at())).isEqualTo(transition.state());
            assertThat(timeline.capacityAt(transition.at().minusNanos(1))).isEqualTo(before);
            before = transition.capacityPercent();
            previous = transition.at();
        }
        assertThat(timeline.capacityAt(c.to().minusNanos(1))).isEqualTo(before);
    }

    @Property(tries = 400)
    void stateAtFollowsTheRulesWrittenOutDirectly(@ForAll("cases") Case c) {
        Timeline timeline = c.timeline();
        List<Instant> probes = new ArrayList<>(List.of(c.from(), c.to().minusNanos(1)));
        for (Transition transition : timeline.transitions(c.from(), c.to())) {
            probes.add(transition.at());
            probes.add(transition.at().minusNanos(1));
        }
        for (Instant probe : probes) {
            assertThat(timeline.capacityAt(probe)).as("capacity at %s", probe).isEqualTo(referenceCapacityAt(c, probe));
        }
    }

    @Property(tries = 300)
    void intervalsAreContiguousAndAgreeWithStateAt(@ForAll("cases") Case c) {
        Timeline timeline = c.timeline();
        List<StateInterval> intervals = timeline.intervals(c.from(), c.to());

        assertThat(intervals).isNotEmpty();
        assertThat(intervals.get(0).from()).isEqualTo(c.from());
        assertThat(intervals.get(intervals.size() - 1).to()).isEqualTo(c.to());
        for (int i = 0; i < intervals.size(); i++) {
            StateInterval interval = intervals.get(i);
            assertThat(interval.from()).isBefore(interval.to());
            assertThat(timeline.stateAt(interval.from())).isEqualTo(interval.state());
            assertThat(timeline.capacityAt(interval.from())).isEqualTo(interval.capacityPercent());
            assertThat(timeline.capacityAt(interval.to().minusNanos(1))).isEqualTo(interval.capacityPercent());
            if (i > 0) {
                assertThat(interval.from()).isEqualTo(intervals.get(i - 1).to());
                assertThat(interval.capacityPercent()).isNotEqualTo(intervals.get(i - 1).capacityPercent());
            }
        }
    }

    @Property(tries = 300)
    void nextAndLastTransitionAgreeWithTransitions(@ForAll("cases") Case c) {
        Timeline timeline = c.timeline();
        List<Transition> inWindow = timeline.transitions(c.from(), c.to());
        List<Transition> afterFrom = inWindow.stream().filter(t -> t.at().isAfter(c.from())).toList();
        Instant last = c.to().minusNanos(1);

        Optional<Transition> next = timeline.nextTransition(c.from());
        if (afterFrom.isEmpty()) {
            assertThat(next.map(Transition::at)).satisfiesAnyOf(n -> assertThat(n).isEmpty(),
                    n -> assertThat(n.get()).isAfterOrEqualTo(c.to()));
        } else {
            assertThat(next).contains(afterFrom.get(0));
        }
        Optional<Transition> latest = timeline.lastTransition(last);
        if (inWindow.isEmpty()) {
            assertThat(latest.map(Transition::at)).satisfiesAnyOf(l -> assertThat(l).isEmpty(),
                    l -> assertThat(l.get()).isBefore(c.from()));
        } else {
            assertThat(latest).contains(inWindow.get(inWindow.size() - 1));
        }
    }

    @Property(tries = 300)
    void splittingTheWindowSplitsTheTransitions(@ForAll("cases") Case c, @ForAll("fractions") double split) {
        Timeline timeline = c.timeline();
        long span = Duration.between(c.from(), c.to()).getSeconds();
        Instant middle = c.from().plusSeconds((long) (span * split));

        List<Transition> joined = new ArrayList<>(timeline.transitions(c.from(), middle));
        joined.addAll(timeline.transitions(middle, c.to()));

        assertThat(joined).isEqualTo(timeline.transitions(c.from(), c.to()));
    }

    /**
     * The calculus' rules written out naively, with ZonedDateTime.ofLocal doing the DST resolution: the highest
     * capacity of the periods (warm-up included) and keepAwake overrides in force, 0 for none.
     */
    private static int referenceCapacityAt(Case c, Instant instant) {
        Schedule schedule = c.schedule();
        for (KeepAwake keepAwake : schedule.keepAwake()) {
            boolean started = keepAwake.from() == null || !instant.isBefore(keepAwake.from());
            if (started && instant.isBefore(keepAwake.until())) {
                return AwakePeriod.FULL;
            }
        }
        int highest = 0;
        ZoneId zone = schedule.timeZone();
        LocalDate today = LocalDate.ofInstant(instant, zone);
        for (LocalDate day = today.minusDays(3); !day.isAfter(today.plusDays(1)); day = day.plusDays(1)) {
            if (c.holidays().contains(day)) {
                continue;
            }
            for (AwakePeriod period : schedule.awake()) {
                if (!appliesOn(period, day)) {
                    continue;
                }
                Instant start = ZonedDateTime.ofLocal(day.atTime(period.from()), zone, null).toInstant();
                LocalDate endDay = period.crossesMidnight() ? day.plusDays(1) : day;
                Instant end = ZonedDateTime.ofLocal(endDay.atTime(period.to()), zone, null).toInstant();
                if (end.isAfter(start) && !instant.isBefore(start.minus(schedule.warmUp())) && instant.isBefore(end)) {
                    highest = Math.max(highest, period.capacityPercent());
                }
            }
        }
        return highest;
    }

    /** The selectors written out from their definitions, not through the model's own matching. */
    private static boolean appliesOn(AwakePeriod period, LocalDate day) {
        if (!period.months().isEmpty() && !period.months().contains(day.getMonth())) {
            return false;
        }
        int length = day.lengthOfMonth();
        boolean monthDay = period.monthDays().isEmpty();
        for (MonthDayRange range : period.monthDays()) {
            int first = range.first() == MonthDayRange.LAST ? length : range.first();
            int last = range.last() == MonthDayRange.LAST ? length : range.last();
            monthDay |= day.getDayOfMonth() >= first && day.getDayOfMonth() <= last;
        }
        if (!monthDay) {
            return false;
        }
        if (period.days().isEmpty() && period.nthDays().isEmpty()) {
            return true;
        }
        boolean weekday = period.days().contains(day.getDayOfWeek());
        for (NthWeekday nth : period.nthDays()) {
            if (nth.day() != day.getDayOfWeek()) {
                continue;
            }
            List<LocalDate> sameWeekday = day.withDayOfMonth(1).datesUntil(day.withDayOfMonth(length).plusDays(1))
                    .filter(d -> d.getDayOfWeek() == nth.day()).toList();
            int index = nth.nth() == NthWeekday.LAST ? sameWeekday.size() - 1 : nth.nth() - 1;
            weekday |= index < sameWeekday.size() && sameWeekday.get(index).equals(day);
        }
        return weekday;
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
        Arbitrary<List<AwakePeriod>> periods = period().list().ofMinSize(0).ofMaxSize(4);
        Arbitrary<Long> startSeconds = Arbitraries.longs().between(EARLIEST.getEpochSecond(), LATEST.getEpochSecond());
        Arbitrary<Boolean> nearDstChange = Arbitraries.of(true, false);
        Arbitrary<Integer> lengthMinutes = Arbitraries.integers().between(1, 40 * 24 * 60);
        Arbitrary<List<Integer>> holidayOffsets = Arbitraries.integers().between(-3, 45).list().ofMaxSize(12);
        Arbitrary<Long> keepAwakeOffsetNanos = Arbitraries.longs()
                .between(Duration.ofDays(-5).toNanos(), Duration.ofDays(45).toNanos()).injectNull(0.5);
        Arbitrary<Duration> warmUp = Arbitraries.integers().between(1, 120).map(Duration::ofMinutes)
                .injectNull(0.5);
        Arbitrary<Long> plannedLengthMinutes = Arbitraries.longs().between(1, 3 * 24 * 60).injectNull(0.6);
        return Combinators.combine(zones, periods, startSeconds, nearDstChange, lengthMinutes, holidayOffsets,
                        keepAwakeOffsetNanos, Combinators.combine(warmUp, plannedLengthMinutes).as(Extras::new))
                .as(TimelinePropertiesTest::newCase);
    }

    /** A warm-up, and the length of a planned keepAwake window (from the keepAwake offset), either may be null. */
    record Extras(Duration warmUp, Long plannedLengthMinutes) {
    }

    private static Case newCase(ZoneId zone, List<AwakePeriod> periods, long startSeconds, boolean nearDstChange,
            int lengthMinutes, List<Integer> holidayOffsets, Long keepAwakeOffsetNanos, Extras extras) {
        Instant from = Instant.ofEpochSecond(startSeconds);
        if (nearDstChange) {
            // Start up to three days before the zone's next offset change so the window often straddles it.
            ZoneOffsetTransition change = zone.getRules().nextTransition(from);
            if (change != null) {
                from = change.getInstant().minusSeconds(startSeconds % Duration.ofDays(3).getSeconds());
            }
        }
        Instant to = from.plus(Duration.ofMinutes(lengthMinutes));
        LocalDate firstDay = LocalDate.ofInstant(from, zone);
        Set<LocalDate> holidays = holidayOffsets.stream().map(firstDay::plusDays).collect(Collectors.toSet());
        List<KeepAwake> keepAwake = List.of();
        if (keepAwakeOffsetNanos != null) {
            Instant at = from.plusNanos(keepAwakeOffsetNanos);
            keepAwake = List.of(extras.plannedLengthMinutes() == null ? new KeepAwake(at, "generated")
                    : new KeepAwake(at, at.plus(Duration.ofMinutes(extras.plannedLengthMinutes())), "planned"));
        }
        Schedule schedule = new Schedule("generated", "team-test", "", zone, periods, List.of(), List.of(), keepAwake,
                false, false, Scope.EVERYWHERE, AsleepCapacity.ZERO, "schedules/test/generated.yaml",
                extras.warmUp());
        return new Case(schedule, holidays, from, to);
    }

    /** Two in three periods are weekly, as in v1; the others use the monthly selectors. */
    private static Arbitrary<AwakePeriod> period() {
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7);
        Arbitrary<AwakePeriod> weekly = Combinators.combine(days, time(), time(), capacity())
                .as((d, from, to, capacity) -> new AwakePeriod(d, from, to, Set.of(), List.of(), Set.of(), capacity));
        Arbitrary<Set<DayOfWeek>> someDays = Arbitraries.of(DayOfWeek.class).set().ofMaxSize(3);
        Arbitrary<Set<NthWeekday>> nthDays = Combinators.combine(Arbitraries.of(DayOfWeek.class),
                Arbitraries.of(1, 2, 3, 4, 5, NthWeekday.LAST)).as(NthWeekday::new).set().ofMaxSize(3);
        Arbitrary<MonthDayRange> range = Combinators.combine(Arbitraries.integers().between(1, MonthDayRange.LAST),
                Arbitraries.integers().between(0, 12)).as((first, width) -> new MonthDayRange(first,
                        Math.min(MonthDayRange.LAST, first + width)));
        Arbitrary<List<MonthDayRange>> monthDays = range.list().ofMaxSize(2);
        Arbitrary<Set<Month>> months = Arbitraries.of(Month.class).set().ofMaxSize(6);
        Arbitrary<AwakePeriod> monthly = Combinators.combine(someDays, time(), time(), nthDays, monthDays, months,
                capacity()).as(AwakePeriod::new);
        return Arbitraries.frequencyOf(Tuple.of(2, weekly), Tuple.of(1, monthly));
    }

    /** Most periods run at full capacity; the others at a few shares, so that touching ones often differ. */
    private static Arbitrary<Integer> capacity() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(AwakePeriod.FULL)),
                Tuple.of(1, Arbitraries.of(1, 30, 50, 99)));
    }

    /** Half of the times fall where DST changes happen (00:00 to 04:00), the rest anywhere on a 15-minute grid. */
    private static Arbitrary<LocalTime> time() {
        Arbitrary<LocalTime> nearChanges = Arbitraries.integers().between(0, 4 * 4).map(q -> LocalTime.of(q / 4, q % 4 * 15));
        Arbitrary<LocalTime> anywhere = Arbitraries.integers().between(0, 24 * 4 - 1).map(q -> LocalTime.of(q / 4, q % 4 * 15));
        return Arbitraries.oneOf(nearChanges, anywhere);
    }
}

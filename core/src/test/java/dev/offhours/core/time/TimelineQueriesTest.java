package dev.offhours.core.time;

import static dev.offhours.core.time.Schedules.at;
import static dev.offhours.core.time.Schedules.schedule;
import static dev.offhours.core.time.TimelineDstAndHolidayCasesTest.holidaysOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.calendar.HolidaySource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** nextTransition, lastTransition, intervals and stateAt as the reconciler and the describe command use them. */
class TimelineQueriesTest {

    private static final String BERLIN = "Europe/Berlin";
    private final Timeline officeHours = Timeline.of(schedule(BERLIN, "Mon-Fri 07:30-19:00"), HolidaySource.none());

    @ParameterizedTest(name = "next after {0} is {1} {2}")
    @CsvSource({
            // strictly after: a transition exactly at the instant is not the next one
            "2026-11-27T06:00+01:00, 2026-11-27T07:30+01:00, AWAKE",
            "2026-11-27T07:30+01:00, 2026-11-27T19:00+01:00, ASLEEP",
            "2026-11-27T07:29:59.999999999+01:00, 2026-11-27T07:30+01:00, AWAKE",
            "2026-11-27T19:00+01:00, 2026-11-30T07:30+01:00, AWAKE",
            "2026-11-28T12:00+01:00, 2026-11-30T07:30+01:00, AWAKE",
    })
    void nextTransitionIsTheFirstStrictlyAfter(String instant, String expectedAt, PowerState expectedState) {
        assertThat(officeHours.nextTransition(at(instant)))
                .contains(new Transition(at(expectedAt), expectedState));
    }

    @ParameterizedTest(name = "last at or before {0} is {1} {2}")
    @CsvSource({
            // the hub was down at 19:00 and returns at 19:20: the 19:00 sleep is still the one to dispatch
            "2026-11-27T19:20+01:00, 2026-11-27T19:00+01:00, ASLEEP",
            "2026-11-27T19:00+01:00, 2026-11-27T19:00+01:00, ASLEEP",
            "2026-11-27T18:59:59.999999999+01:00, 2026-11-27T07:30+01:00, AWAKE",
            "2026-11-30T07:00+01:00, 2026-11-27T19:00+01:00, ASLEEP",
    })
    void lastTransitionIsTheLatestAtOrBefore(String instant, String expectedAt, PowerState expectedState) {
        assertThat(officeHours.lastTransition(at(instant)))
                .contains(new Transition(at(expectedAt), expectedState));
    }

    @ParameterizedTest(name = "a schedule that never changes: {0}")
    @CsvSource({"''", "Mon-Sun 00:00-24:00"})
    void schedulesThatNeverChangeHaveNoTransitionWithinTheHorizon(String periods) {
        Timeline timeline = Timeline.of(schedule(BERLIN, periods), HolidaySource.none());
        Instant instant = at("2026-11-27T12:00+01:00");

        assertThat(timeline.nextTransition(instant)).isEmpty();
        assertThat(timeline.lastTransition(instant)).isEmpty();
        assertThat(timeline.stateAt(instant)).isEqualTo(periods.isEmpty() ? PowerState.ASLEEP : PowerState.AWAKE);
    }

    @Test
    void aScheduleWhoseEveryDayIsAHolidayNeverWakes() {
        Timeline timeline = Timeline.of(schedule(BERLIN, "Mon 08:00-09:00", List.of(), null),
                date -> Optional.of("every day is a holiday"));

        assertThat(timeline.nextTransition(at("2026-11-27T12:00+01:00"))).isEmpty();
    }

    @Test
    void keepAwakeHidesEveryEarlierTransitionAndEndsWithTheSchedulesOwnState() {
        Instant until = at("2026-11-28T02:00+01:00");
        Timeline timeline = Timeline.of(schedule(BERLIN, "Mon-Fri 07:30-19:00", List.of(), until),
                HolidaySource.none());

        assertThat(timeline.stateAt(until.minusNanos(1))).isEqualTo(PowerState.AWAKE);
        assertThat(timeline.stateAt(until)).isEqualTo(PowerState.ASLEEP);
        assertThat(timeline.nextTransition(at("2026-11-27T06:00+01:00")))
                .contains(new Transition(until, PowerState.ASLEEP));
        assertThat(timeline.lastTransition(at("2026-11-28T01:00+01:00"))).isEmpty();
        assertThat(timeline.lastTransition(at("2026-11-29T12:00+01:00")))
                .contains(new Transition(until, PowerState.ASLEEP));
    }

    @Test
    void keepAwakeFarBeyondTheHorizonStillEndsAtItsUntil() {
        Instant until = at("2031-01-01T00:00Z");
        Timeline timeline = Timeline.of(schedule(BERLIN, "", List.of(), until), HolidaySource.none());

        assertThat(timeline.nextTransition(at("2026-11-27T12:00Z"))).contains(new Transition(until, PowerState.ASLEEP));
    }

    @Test
    void sleepOnDatesCancelPeriodsLikeCalendarHolidays() {
        Timeline timeline = Timeline.of(
                schedule(BERLIN, "Mon-Fri 07:30-19:00", List.of(LocalDate.parse("2026-12-24")), null),
                HolidaySource.none());

        assertThat(timeline.transitions(at("2026-12-24T00:00+01:00"), at("2026-12-25T00:00+01:00"))).isEmpty();
        assertThat(timeline.stateAt(at("2026-12-24T12:00+01:00"))).isEqualTo(PowerState.ASLEEP);
        assertThat(timeline.stateAt(at("2026-12-23T12:00+01:00"))).isEqualTo(PowerState.AWAKE);
    }

    @Test
    void transitionsIncludeTheirFromAndExcludeTheirTo() {
        Instant wake = at("2026-11-27T07:30+01:00");
        Instant sleep = at("2026-11-27T19:00+01:00");

        assertThat(officeHours.transitions(wake, sleep)).containsExactly(new Transition(wake, PowerState.AWAKE));
        assertThat(officeHours.transitions(sleep, wake)).isEmpty();
        assertThat(officeHours.transitions(wake, wake)).isEmpty();
    }

    @Test
    void intervalsOfLocalDaysCoverTheShortSpringForwardDay() {
        Timeline timeline = Timeline.of(schedule(BERLIN, "Sat 22:00-02:30; Sun 10:00-12:00"), HolidaySource.none());

        List<StateInterval> intervals = timeline.intervals(LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-29"));

        assertThat(intervals).containsExactly(
                new StateInterval(PowerState.AWAKE, at("2026-03-29T00:00+01:00"), at("2026-03-29T03:30+02:00")),
                new StateInterval(PowerState.ASLEEP, at("2026-03-29T03:30+02:00"), at("2026-03-29T10:00+02:00")),
                new StateInterval(PowerState.AWAKE, at("2026-03-29T10:00+02:00"), at("2026-03-29T12:00+02:00")),
                new StateInterval(PowerState.ASLEEP, at("2026-03-29T12:00+02:00"), at("2026-03-30T00:00+02:00")));
        assertThat(Duration.between(intervals.get(0).from(), intervals.get(3).to())).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void intervalsStartingExactlyOnATransitionBeginInItsState() {
        Instant wake = at("2026-11-27T07:30+01:00");

        assertThat(officeHours.intervals(wake, at("2026-11-27T20:00+01:00"))).containsExactly(
                new StateInterval(PowerState.AWAKE, wake, at("2026-11-27T19:00+01:00")),
                new StateInterval(PowerState.ASLEEP, at("2026-11-27T19:00+01:00"), at("2026-11-27T20:00+01:00")));
    }

    @Test
    void holidaySourceIsAskedAboutLocalDatesOfTheSchedulesZone() {
        // 2026-12-25 00:30 in Auckland is still 2026-12-24 in UTC: the holiday must follow the schedule's zone.
        Timeline timeline = Timeline.of(schedule("Pacific/Auckland", "Fri 00:00-24:00"), holidaysOn("2026-12-25"));

        assertThat(timeline.stateAt(at("2026-12-25T00:30+13:00"))).isEqualTo(PowerState.ASLEEP);
        assertThat(timeline.stateAt(at("2027-01-01T00:30+13:00"))).isEqualTo(PowerState.AWAKE);
    }
}

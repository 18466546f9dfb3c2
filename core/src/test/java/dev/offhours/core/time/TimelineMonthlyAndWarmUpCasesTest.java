package dev.offhours.core.time;

import static dev.offhours.core.time.Schedules.at;
import static dev.offhours.core.time.TimelineDstAndHolidayCasesTest.holidaysOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.offhours.core.schedule.KeepAwake;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The calculus for the monthly selectors, reduced capacity, warm-up, date ranges and planned keepAwake windows, on
 * the days that matter: the spring-forward and fall-back days in Europe/Berlin and America/New_York, the last day of
 * February in common and leap years, months that wrap past December, a warm-up across midnight and across a DST
 * change, RESIZE between touching periods. Each row gives the state at the start of a window and every transition
 * inside it.
 *
 * <p>Columns: description, zone, periods ({@link MonthlySchedules}), warm-up in minutes, whole days asleep (the
 * schedule's sleepOn), a planned keepAwake window {@code from/until} or empty, holidays, window from, window to,
 * state at from, transitions.
 */
class TimelineMonthlyAndWarmUpCasesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void transitionsInWindow(String description, String zone, String periods, int warmUpMinutes, String sleepOn,
            String window, String holidays, String from, String to, PowerState initial, String expected) {
        List<KeepAwake> keepAwake = window.isEmpty() ? List.of()
                : List.of(new KeepAwake(at(window.split("/")[0]), at(window.split("/")[1]), "planned"));
        Timeline timeline = Timeline.of(MonthlySchedules.schedule(zone, periods, Duration.ofMinutes(warmUpMinutes),
                dates(sleepOn), keepAwake), holidaysOn(holidays));

        List<Transition> transitions = timeline.transitions(at(from), at(to));

        assertThat(transitions).containsExactlyElementsOf(parse(expected));
        assertThat(timeline.stateAt(at(from))).isEqualTo(initial);
        for (Transition transition : transitions) {
            assertThat(timeline.capacityAt(transition.at())).isEqualTo(transition.capacityPercent());
            assertThat(timeline.capacityAt(transition.at().minusNanos(1))).isNotEqualTo(transition.capacityPercent());
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // nth and last weekdays; Berlin springs forward on Sun 2026-03-29 (the fifth and last Sunday),
                // New York on Sun 2026-03-08 (the second).
                arguments("Berlin Sun#L starting in the gap moves forward by the gap", "Europe/Berlin",
                        "Sun#L 02:30-05:00", 0, "", "", "", "2026-03-22T00:00+01:00", "2026-03-30T00:00+02:00",
                        asleep(), "2026-03-29T03:30+02:00 AWAKE, 2026-03-29T05:00+02:00 ASLEEP"),
                arguments("Berlin Sun#5 is the spring-forward day; Sun#4 the week before", "Europe/Berlin",
                        "Sun#4,Sun#5 09:00-10:00", 0, "", "", "", "2026-03-21T00:00+01:00", "2026-03-30T00:00+02:00",
                        asleep(), "2026-03-22T09:00+01:00 AWAKE, 2026-03-22T10:00+01:00 ASLEEP,"
                                + " 2026-03-29T09:00+02:00 AWAKE, 2026-03-29T10:00+02:00 ASLEEP"),
                arguments("New York Sun#2 across spring-forward loses the gap hour", "America/New_York",
                        "Sun#2 01:00-05:00", 0, "", "", "", "2026-03-01T00:00-05:00", "2026-03-16T00:00-04:00",
                        asleep(), "2026-03-08T01:00-05:00 AWAKE, 2026-03-08T05:00-04:00 ASLEEP"),
                arguments("New York Sun#1 in the repeated hour of fall-back takes the earlier offset",
                        "America/New_York", "Sun#1 01:30-03:00", 0, "", "", "", "2026-11-01T00:00-04:00",
                        "2026-11-02T00:00-05:00", asleep(),
                        "2026-11-01T01:30-04:00 AWAKE, 2026-11-01T03:00-05:00 ASLEEP"),
                arguments("Mon#5 matches nothing in a month with four Mondays", "UTC", "Mon#5 08:00-18:00", 0, "",
                        "", "", "2026-02-01T00:00Z", "2026-03-01T00:00Z", asleep(), ""),
                arguments("Mon#5 and Fri#L in a month with five Mondays", "UTC", "Mon#5,Fri#L 08:00-18:00", 0, "",
                        "", "", "2026-03-27T00:00Z", "2026-04-01T00:00Z", asleep(),
                        "2026-03-27T08:00Z AWAKE, 2026-03-27T18:00Z ASLEEP,"
                                + " 2026-03-30T08:00Z AWAKE, 2026-03-30T18:00Z ASLEEP"),
                // the last day of the month
                arguments("L in a common February is the 28th", "Europe/Berlin", "md=L 10:00-12:00", 0, "", "", "",
                        "2027-02-27T00:00+01:00", "2027-03-02T00:00+01:00", asleep(),
                        "2027-02-28T10:00+01:00 AWAKE, 2027-02-28T12:00+01:00 ASLEEP"),
                arguments("L in a leap February is the 29th", "Europe/Berlin", "md=L 10:00-12:00", 0, "", "", "",
                        "2028-02-27T00:00+01:00", "2028-03-02T00:00+01:00", asleep(),
                        "2028-02-29T10:00+01:00 AWAKE, 2028-02-29T12:00+01:00 ASLEEP"),
                arguments("25-L overnight runs from the last day into the 1st", "Europe/Berlin",
                        "md=25-L m=Feb 22:00-06:00", 0, "", "", "", "2028-02-29T12:00+01:00",
                        "2028-03-02T00:00+01:00", asleep(),
                        "2028-02-29T22:00+01:00 AWAKE, 2028-03-01T06:00+01:00 ASLEEP"),
                arguments("30 does not exist in February", "UTC", "md=30 10:00-12:00", 0, "", "", "",
                        "2026-02-01T00:00Z", "2026-03-01T00:00Z", asleep(), ""),
                // months that wrap
                arguments("Nov-Feb holds on Jan 31, not on Mar 1", "Europe/Berlin", "m=Nov-Feb 08:00-09:00", 0, "", "",
                        "", "2026-02-28T00:00+01:00", "2026-03-02T00:00+01:00", asleep(),
                        "2026-02-28T08:00+01:00 AWAKE, 2026-02-28T09:00+01:00 ASLEEP"),
                arguments("Nov-Feb starts again on Nov 1 after DST ended", "Europe/Berlin", "m=Nov-Feb 08:00-09:00",
                        0, "", "", "", "2026-10-31T00:00+01:00", "2026-11-02T00:00+01:00", asleep(),
                        "2026-11-01T08:00+01:00 AWAKE, 2026-11-01T09:00+01:00 ASLEEP"),
                arguments("an overnight period of Dec 31 runs into January outside its months", "UTC",
                        "md=L m=Dec 20:00-04:00", 0, "", "", "", "2026-12-31T00:00Z", "2027-01-02T00:00Z", asleep(),
                        "2026-12-31T20:00Z AWAKE, 2027-01-01T04:00Z ASLEEP"),
                arguments("days AND monthDays AND months: Fri Mar 6, not the weekend nor Mon Mar 9", "UTC",
                        "Mon-Fri md=1-7 m=Mar 09:00-10:00", 0, "", "", "", "2026-03-06T00:00Z", "2026-03-10T00:00Z",
                        asleep(), "2026-03-06T09:00Z AWAKE, 2026-03-06T10:00Z ASLEEP"),
                // warm-up
                arguments("warm-up moves the wake-up earlier, not the sleep", "Europe/Berlin", "Mon-Fri 08:00-18:00",
                        10, "", "", "", "2026-06-01T00:00+02:00", "2026-06-02T00:00+02:00", asleep(),
                        "2026-06-01T07:50+02:00 AWAKE, 2026-06-01T18:00+02:00 ASLEEP"),
                arguments("warm-up across midnight starts on the day before", "Europe/Berlin", "Mon 00:30-08:00", 60,
                        "", "", "", "2026-05-31T00:00+02:00", "2026-06-02T00:00+02:00", asleep(),
                        "2026-05-31T23:30+02:00 AWAKE, 2026-06-01T08:00+02:00 ASLEEP"),
                arguments("warm-up across spring-forward is elapsed time", "Europe/Berlin", "Sun 04:00-10:00", 120,
                        "", "", "", "2026-03-29T00:00+01:00", "2026-03-30T00:00+02:00", asleep(),
                        "2026-03-29T01:00+01:00 AWAKE, 2026-03-29T10:00+02:00 ASLEEP"),
                arguments("warm-up into the repeated hour of fall-back", "Europe/Berlin", "Sun 03:30-10:00", 60, "",
                        "", "", "2026-10-25T00:00+02:00", "2026-10-26T00:00+01:00", asleep(),
                        "2026-10-25T02:30+01:00 AWAKE, 2026-10-25T10:00+01:00 ASLEEP"),
                arguments("New York warm-up counts back from the start moved out of the gap", "America/New_York", "Sun#2 02:30-06:00",
                        30, "", "", "", "2026-03-08T00:00-05:00", "2026-03-09T00:00-04:00", asleep(),
                        "2026-03-08T03:00-04:00 AWAKE, 2026-03-08T06:00-04:00 ASLEEP"),
                arguments("a warm-up reaching into the previous stretch extends it", "UTC",
                        "Mon 07:00-12:00; Mon 12:30-18:00", 45, "", "", "", "2026-06-01T00:00Z", "2026-06-02T00:00Z",
                        asleep(), "2026-06-01T06:15Z AWAKE, 2026-06-01T18:00Z ASLEEP"),
                arguments("no warm-up for a period a holiday cancels", "UTC", "Mon-Fri 08:00-18:00", 30, "", "",
                        "2026-06-02", "2026-06-01T12:00Z", "2026-06-03T12:00Z", awake(),
                        "2026-06-01T18:00Z ASLEEP, 2026-06-03T07:30Z AWAKE"),
                arguments("warm-up on a monthly period", "UTC", "Tue#2 09:00-11:00", 15, "", "", "",
                        "2026-06-01T00:00Z", "2026-07-01T00:00Z", asleep(),
                        "2026-06-09T08:45Z AWAKE, 2026-06-09T11:00Z ASLEEP"),
                // reduced capacity: AWAKE@30 is awake at 30 % of the saved awake capacity
                arguments("touching periods with different capacities are a RESIZE", "Europe/Berlin",
                        "Mon-Fri 08:00-18:00; Mon-Fri @30 18:00-22:00", 0, "", "", "", "2026-06-01T00:00+02:00",
                        "2026-06-02T00:00+02:00", asleep(), "2026-06-01T08:00+02:00 AWAKE,"
                                + " 2026-06-01T18:00+02:00 AWAKE@30, 2026-06-01T22:00+02:00 ASLEEP"),
                arguments("touching periods with the same capacity stay one stretch", "UTC",
                        "Sat @30 22:00-24:00; Sun @30 00:00-02:00", 0, "", "", "", "2026-06-06T12:00Z",
                        "2026-06-07T12:00Z", asleep(), "2026-06-06T22:00Z AWAKE@30, 2026-06-07T02:00Z ASLEEP"),
                arguments("warm-up moves an upward RESIZE earlier", "Europe/Berlin",
                        "Mon @30 06:00-08:00; Mon 08:00-18:00", 15, "", "", "", "2026-06-01T00:00+02:00",
                        "2026-06-02T00:00+02:00", asleep(), "2026-06-01T05:45+02:00 AWAKE@30,"
                                + " 2026-06-01T07:45+02:00 AWAKE, 2026-06-01T18:00+02:00 ASLEEP"),
                arguments("warm-up does not move a downward RESIZE", "Europe/Berlin",
                        "Mon 08:00-18:00; Mon @30 18:00-22:00", 15, "", "", "", "2026-06-01T00:00+02:00",
                        "2026-06-02T00:00+02:00", asleep(), "2026-06-01T07:45+02:00 AWAKE,"
                                + " 2026-06-01T18:00+02:00 AWAKE@30, 2026-06-01T22:00+02:00 ASLEEP"),
                arguments("a reduced night across spring-forward", "America/New_York",
                        "Sat 08:00-20:00; Sat @25 20:00-06:00", 0, "", "", "", "2026-03-07T00:00-05:00",
                        "2026-03-09T00:00-04:00", asleep(), "2026-03-07T08:00-05:00 AWAKE,"
                                + " 2026-03-07T20:00-05:00 AWAKE@25, 2026-03-08T06:00-04:00 ASLEEP"),
                arguments("a planned keepAwake window over a reduced period is full capacity", "UTC",
                        "Mon-Fri @30 18:00-22:00", 0, "", "2026-06-01T19:00Z/2026-06-01T21:00Z", "",
                        "2026-06-01T12:00Z", "2026-06-02T00:00Z", asleep(), "2026-06-01T18:00Z AWAKE@30,"
                                + " 2026-06-01T19:00Z AWAKE, 2026-06-01T21:00Z AWAKE@30, 2026-06-01T22:00Z ASLEEP"),
                // date ranges and planned windows
                arguments("a sleepOn range over the new year cancels every day of it", "Europe/Berlin",
                        "Mon-Fri 08:00-18:00", 0, "2026-12-24..2027-01-01", "", "", "2026-12-23T00:00+01:00",
                        "2027-01-05T00:00+01:00", asleep(), "2026-12-23T08:00+01:00 AWAKE,"
                                + " 2026-12-23T18:00+01:00 ASLEEP, 2027-01-04T08:00+01:00 AWAKE,"
                                + " 2027-01-04T18:00+01:00 ASLEEP"),
                arguments("a planned keepAwake window in the future", "Europe/Berlin", "Mon-Fri 08:00-18:00", 0, "",
                        "2026-06-02T20:00+02:00/2026-06-03T02:00+02:00", "", "2026-06-02T12:00+02:00",
                        "2026-06-03T12:00+02:00", awake(), "2026-06-02T18:00+02:00 ASLEEP,"
                                + " 2026-06-02T20:00+02:00 AWAKE, 2026-06-03T02:00+02:00 ASLEEP,"
                                + " 2026-06-03T08:00+02:00 AWAKE"),
                arguments("a planned window touching a period joins it", "UTC", "Mon-Fri 08:00-18:00", 0, "",
                        "2026-06-02T18:00Z/2026-06-02T23:00Z", "", "2026-06-02T12:00Z", "2026-06-03T12:00Z", awake(),
                        "2026-06-02T23:00Z ASLEEP, 2026-06-03T08:00Z AWAKE"));
    }

    /** "at STATE" items; AWAKE@30 is awake at 30 %, AWAKE alone at 100 %. */
    private static List<Transition> parse(String expected) {
        return Arrays.stream(expected.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(item -> {
            String[] parts = item.split(" ");
            String[] state = parts[1].split("@");
            return state.length == 1 ? new Transition(at(parts[0]), PowerState.valueOf(state[0]))
                    : new Transition(at(parts[0]), PowerState.AWAKE, Integer.parseInt(state[1]));
        }).toList();
    }

    private static List<LocalDate> dates(String spec) {
        if (spec.isEmpty()) {
            return List.of();
        }
        String[] range = spec.split("\\.\\.");
        LocalDate first = LocalDate.parse(range[0]);
        LocalDate last = LocalDate.parse(range[range.length - 1]);
        return first.datesUntil(last.plusDays(1)).toList();
    }

    private static PowerState awake() {
        return PowerState.AWAKE;
    }

    private static PowerState asleep() {
        return PowerState.ASLEEP;
    }

}

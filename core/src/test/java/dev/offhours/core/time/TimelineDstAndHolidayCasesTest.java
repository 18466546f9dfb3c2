package dev.offhours.core.time;

import static dev.offhours.core.time.Schedules.at;
import static dev.offhours.core.time.Schedules.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.offhours.core.calendar.HolidaySource;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The calculus on the days that matter: both DST changes of 2026 and 2027 in five zones (whole-hour, 30-minute and
 * 45-minute offsets, one without DST), holidays, periods past midnight and expiring keepAwake. Each row gives the
 * state at the start of a window and every transition inside it, so a row pins the whole timeline of the window.
 */
class TimelineDstAndHolidayCasesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void transitionsInWindow(String description, String zone, String periods, String holidays, String keepAwakeUntil,
            String from, String to, PowerState initial, String expected) {
        Timeline timeline = Timeline.of(
                schedule(zone, periods, List.of(), keepAwakeUntil.isEmpty() ? null : at(keepAwakeUntil)),
                holidaysOn(holidays));

        List<Transition> transitions = timeline.transitions(at(from), at(to));

        assertThat(transitions).containsExactlyElementsOf(parse(expected));
        assertThat(timeline.stateAt(at(from))).isEqualTo(initial);
        for (Transition transition : transitions) {
            assertThat(timeline.stateAt(transition.at())).isEqualTo(transition.state());
            assertThat(timeline.stateAt(transition.at().minusNanos(1))).isNotEqualTo(transition.state());
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // Europe/Berlin: gap 2026-03-29 02:00->03:00, overlap 2026-10-25 03:00->02:00; 2027-03-28, 2027-10-31.
                arguments("Berlin office hours keep local time across spring-forward 2026", "Europe/Berlin",
                        "Mon-Fri 07:30-19:00", "", "", "2026-03-27T00:00+01:00", "2026-03-31T00:00+02:00", asleep(),
                        "2026-03-27T07:30+01:00 AWAKE, 2026-03-27T19:00+01:00 ASLEEP,"
                                + " 2026-03-30T07:30+02:00 AWAKE, 2026-03-30T19:00+02:00 ASLEEP"),
                arguments("Berlin 02:00-03:00 on spring-forward day is empty and disappears", "Europe/Berlin",
                        "Sun 02:00-03:00; Sat 10:00-11:00", "", "", "2026-03-28T00:00+01:00", "2026-03-30T00:00+02:00",
                        asleep(), "2026-03-28T10:00+01:00 AWAKE, 2026-03-28T11:00+01:00 ASLEEP"),
                arguments("Berlin 02:45-03:15 on spring-forward day ends before it starts and disappears",
                        "Europe/Berlin", "Sun 02:45-03:15", "", "", "2026-03-29T00:00+01:00",
                        "2026-03-30T00:00+02:00", asleep(), ""),
                arguments("Berlin start in the gap moves forward by the gap", "Europe/Berlin", "Sun 02:30-05:00", "",
                        "", "2026-03-29T00:00+01:00", "2026-03-30T00:00+02:00", asleep(),
                        "2026-03-29T03:30+02:00 AWAKE, 2026-03-29T05:00+02:00 ASLEEP"),
                arguments("Berlin overnight end in the gap moves forward by the gap", "Europe/Berlin",
                        "Sat 22:00-02:30", "", "", "2026-03-28T00:00+01:00", "2026-03-30T00:00+02:00", asleep(),
                        "2026-03-28T22:00+01:00 AWAKE, 2026-03-29T03:30+02:00 ASLEEP"),
                arguments("Berlin start in the repeated hour of 2026 takes the earlier offset", "Europe/Berlin",
                        "Sun 02:30-04:00", "", "", "2026-10-25T00:00+02:00", "2026-10-26T00:00+01:00", asleep(),
                        "2026-10-25T02:30+02:00 AWAKE, 2026-10-25T04:00+01:00 ASLEEP"),
                arguments("Berlin overnight across fall-back 2026 lasts nine hours", "Europe/Berlin",
                        "Sat 22:00-06:00", "", "", "2026-10-24T00:00+02:00", "2026-10-26T00:00+01:00", asleep(),
                        "2026-10-24T22:00+02:00 AWAKE, 2026-10-25T06:00+01:00 ASLEEP"),
                arguments("Berlin overnight across spring-forward 2027 lasts seven hours", "Europe/Berlin",
                        "Sat 22:00-06:00", "", "", "2027-03-27T00:00+01:00", "2027-03-29T00:00+02:00", asleep(),
                        "2027-03-27T22:00+01:00 AWAKE, 2027-03-28T06:00+02:00 ASLEEP"),
                arguments("Berlin period wholly in the repeated hour of 2027 runs in the first pass", "Europe/Berlin",
                        "Sun 02:00-02:30", "", "", "2027-10-31T00:00+02:00", "2027-11-01T00:00+01:00", asleep(),
                        "2027-10-31T02:00+02:00 AWAKE, 2027-10-31T02:30+02:00 ASLEEP"),
                arguments("Berlin holidays cancel the periods starting on them", "Europe/Berlin",
                        "Mon-Fri 07:30-19:00", "2026-12-24,2026-12-25", "", "2026-12-23T00:00+01:00",
                        "2026-12-28T00:00+01:00", asleep(),
                        "2026-12-23T07:30+01:00 AWAKE, 2026-12-23T19:00+01:00 ASLEEP"),
                arguments("Berlin overnight period runs into a holiday, the holiday's own period does not start",
                        "Europe/Berlin", "Mon-Fri 22:00-06:00", "2026-12-25", "", "2026-12-24T00:00+01:00",
                        "2026-12-28T00:00+01:00", awake(),
                        "2026-12-24T06:00+01:00 ASLEEP, 2026-12-24T22:00+01:00 AWAKE, 2026-12-25T06:00+01:00 ASLEEP"),
                arguments("Berlin touching periods merge: no transition at 02:00", "Europe/Berlin",
                        "Mon 22:00-02:00; Tue 02:00-06:00", "", "", "2026-06-01T00:00+02:00",
                        "2026-06-03T00:00+02:00", asleep(),
                        "2026-06-01T22:00+02:00 AWAKE, 2026-06-02T06:00+02:00 ASLEEP"),
                arguments("Berlin 00:00-24:00 on consecutive days is one span", "Europe/Berlin",
                        "Mon-Fri 00:00-24:00", "", "", "2026-05-31T00:00+02:00", "2026-06-07T00:00+02:00", asleep(),
                        "2026-06-01T00:00+02:00 AWAKE, 2026-06-06T00:00+02:00 ASLEEP"),
                arguments("Berlin keepAwake expiring at night puts targets to sleep at its end", "Europe/Berlin",
                        "Mon-Fri 07:30-19:00", "", "2026-11-28T02:00+01:00", "2026-11-27T00:00+01:00",
                        "2026-12-01T00:00+01:00", awake(),
                        "2026-11-28T02:00+01:00 ASLEEP, 2026-11-30T07:30+01:00 AWAKE, 2026-11-30T19:00+01:00 ASLEEP"),
                arguments("Berlin keepAwake expiring during a period: no transition at its end", "Europe/Berlin",
                        "Mon-Fri 07:30-19:00", "", "2026-11-30T09:00+01:00", "2026-11-29T00:00+01:00",
                        "2026-12-01T00:00+01:00", awake(), "2026-11-30T19:00+01:00 ASLEEP"),
                arguments("Berlin keepAwake expiring exactly when a period starts", "Europe/Berlin",
                        "Mon-Fri 07:30-19:00", "", "2026-11-30T07:30+01:00", "2026-11-29T00:00+01:00",
                        "2026-12-01T00:00+01:00", awake(), "2026-11-30T19:00+01:00 ASLEEP"),
                arguments("Berlin keepAwake expiring exactly when a period ends", "Europe/Berlin",
                        "Mon-Fri 07:30-19:00", "", "2026-11-30T19:00+01:00", "2026-11-29T00:00+01:00",
                        "2026-12-01T00:00+01:00", awake(), "2026-11-30T19:00+01:00 ASLEEP"),

                // America/New_York: gap 2026-03-08 02:00->03:00, overlap 2026-11-01 02:00->01:00; 2027-03-14, 2027-11-07.
                arguments("New York 02:00-03:00 on spring-forward day disappears", "America/New_York",
                        "Sun 02:00-03:00", "", "", "2026-03-08T00:00-05:00", "2026-03-09T00:00-04:00", asleep(), ""),
                arguments("New York start in the gap moves forward", "America/New_York", "Sun 02:30-04:00", "", "",
                        "2026-03-08T00:00-05:00", "2026-03-09T00:00-04:00", asleep(),
                        "2026-03-08T03:30-04:00 AWAKE, 2026-03-08T04:00-04:00 ASLEEP"),
                arguments("New York start in the repeated hour takes the earlier offset", "America/New_York",
                        "Sun 01:30-03:00", "", "", "2026-11-01T00:00-04:00", "2026-11-02T00:00-05:00", asleep(),
                        "2026-11-01T01:30-04:00 AWAKE, 2026-11-01T03:00-05:00 ASLEEP"),
                arguments("New York overnight across fall-back 2026", "America/New_York", "Sat 23:00-07:00", "", "",
                        "2026-10-31T00:00-04:00", "2026-11-02T00:00-05:00", asleep(),
                        "2026-10-31T23:00-04:00 AWAKE, 2026-11-01T07:00-05:00 ASLEEP"),
                arguments("New York office hours across spring-forward 2027", "America/New_York",
                        "Mon-Fri 09:00-17:00", "", "", "2027-03-12T00:00-05:00", "2027-03-16T00:00-04:00", asleep(),
                        "2027-03-12T09:00-05:00 AWAKE, 2027-03-12T17:00-05:00 ASLEEP,"
                                + " 2027-03-15T09:00-04:00 AWAKE, 2027-03-15T17:00-04:00 ASLEEP"),
                arguments("New York period from the repeated hour of 2027 to after it", "America/New_York",
                        "Sun 01:30-02:30", "", "", "2027-11-07T00:00-04:00", "2027-11-08T00:00-05:00", asleep(),
                        "2027-11-07T01:30-04:00 AWAKE, 2027-11-07T02:30-05:00 ASLEEP"),
                arguments("New York overnight runs into a holiday whose own period is cancelled", "America/New_York",
                        "Thu 20:00-04:00; Fri 08:00-12:00", "2026-11-27", "", "2026-11-26T00:00-05:00",
                        "2026-11-28T00:00-05:00", asleep(),
                        "2026-11-26T20:00-05:00 AWAKE, 2026-11-27T04:00-05:00 ASLEEP"),

                // Australia/Lord_Howe: 30-minute shift. Overlap 2026-04-05 02:00->01:30, gap 2026-10-04 02:00->02:30.
                arguments("Lord Howe 02:00-02:30 on spring-forward day disappears", "Australia/Lord_Howe",
                        "Sun 02:00-02:30", "", "", "2026-10-04T00:00+10:30", "2026-10-05T00:00+11:00", asleep(), ""),
                arguments("Lord Howe start in the 30-minute gap moves forward by 30 minutes", "Australia/Lord_Howe",
                        "Sun 02:15-04:00", "", "", "2026-10-04T00:00+10:30", "2026-10-05T00:00+11:00", asleep(),
                        "2026-10-04T02:45+11:00 AWAKE, 2026-10-04T04:00+11:00 ASLEEP"),
                arguments("Lord Howe start in the repeated half hour takes the earlier offset", "Australia/Lord_Howe",
                        "Sun 01:45-03:00", "", "", "2026-04-05T00:00+11:00", "2026-04-06T00:00+10:30", asleep(),
                        "2026-04-05T01:45+11:00 AWAKE, 2026-04-05T03:00+10:30 ASLEEP"),
                arguments("Lord Howe overnight across fall-back 2027", "Australia/Lord_Howe", "Sat 22:00-06:00", "",
                        "", "2027-04-03T00:00+11:00", "2027-04-05T00:00+10:30", asleep(),
                        "2027-04-03T22:00+11:00 AWAKE, 2027-04-04T06:00+10:30 ASLEEP"),
                arguments("Lord Howe overnight across spring-forward 2027", "Australia/Lord_Howe", "Sat 22:00-06:00",
                        "", "", "2027-10-02T00:00+10:30", "2027-10-04T00:00+11:00", asleep(),
                        "2027-10-02T22:00+10:30 AWAKE, 2027-10-03T06:00+11:00 ASLEEP"),

                // Asia/Kolkata: +05:30 all year.
                arguments("Kolkata holiday cancels Friday, the next period is Monday", "Asia/Kolkata",
                        "Mon-Fri 09:30-18:00", "2026-10-02", "", "2026-10-01T00:00+05:30", "2026-10-06T00:00+05:30",
                        asleep(), "2026-10-01T09:30+05:30 AWAKE, 2026-10-01T18:00+05:30 ASLEEP,"
                                + " 2026-10-05T09:30+05:30 AWAKE, 2026-10-05T18:00+05:30 ASLEEP"),
                arguments("Kolkata keepAwake over a weekend expires on Saturday night", "Asia/Kolkata",
                        "Mon-Fri 09:30-18:00", "", "2027-03-27T23:00+05:30", "2027-03-26T00:00+05:30",
                        "2027-03-30T00:00+05:30", awake(), "2027-03-27T23:00+05:30 ASLEEP,"
                                + " 2027-03-29T09:30+05:30 AWAKE, 2027-03-29T18:00+05:30 ASLEEP"),
                arguments("Kolkata night shift past midnight", "Asia/Kolkata", "Mon-Fri 21:00-03:00", "", "",
                        "2026-03-28T00:00+05:30", "2026-03-31T00:00+05:30", awake(),
                        "2026-03-28T03:00+05:30 ASLEEP, 2026-03-30T21:00+05:30 AWAKE"),

                // Pacific/Chatham: +12:45/+13:45. Overlap 2026-04-05 03:45->02:45, gap 2026-09-27 02:45->03:45.
                arguments("Chatham period starting in the gap and ending at its end disappears", "Pacific/Chatham",
                        "Sun 03:00-03:45", "", "", "2026-09-27T00:00+12:45", "2026-09-28T00:00+13:45", asleep(), ""),
                arguments("Chatham period across the gap loses an hour", "Pacific/Chatham", "Sun 02:00-05:00", "", "",
                        "2026-09-27T00:00+12:45", "2026-09-28T00:00+13:45", asleep(),
                        "2026-09-27T02:00+12:45 AWAKE, 2026-09-27T05:00+13:45 ASLEEP"),
                arguments("Chatham start in the repeated hour takes the earlier offset", "Pacific/Chatham",
                        "Sun 03:00-04:00", "", "", "2026-04-05T00:00+13:45", "2026-04-06T00:00+12:45", asleep(),
                        "2026-04-05T03:00+13:45 AWAKE, 2026-04-05T04:00+12:45 ASLEEP"),
                arguments("Chatham overnight across fall-back 2027", "Pacific/Chatham", "Sat 20:00-08:00", "", "",
                        "2027-04-03T00:00+13:45", "2027-04-05T00:00+12:45", asleep(),
                        "2027-04-03T20:00+13:45 AWAKE, 2027-04-04T08:00+12:45 ASLEEP"),
                arguments("Chatham start in the gap of 2027 moves forward by an hour", "Pacific/Chatham",
                        "Sun 03:00-06:00", "", "", "2027-09-26T00:00+12:45", "2027-09-27T00:00+13:45", asleep(),
                        "2027-09-26T04:00+13:45 AWAKE, 2027-09-26T06:00+13:45 ASLEEP"),
                arguments("Chatham overnight before a holiday runs into it", "Pacific/Chatham",
                        "Sat-Sun 20:00-08:00", "2027-09-26", "", "2027-09-25T00:00+12:45", "2027-09-28T00:00+13:45",
                        asleep(), "2027-09-25T20:00+12:45 AWAKE, 2027-09-26T08:00+13:45 ASLEEP"));
    }

    private static PowerState awake() {
        return PowerState.AWAKE;
    }

    private static PowerState asleep() {
        return PowerState.ASLEEP;
    }

    static HolidaySource holidaysOn(String dates) {
        Set<LocalDate> days = Arrays.stream(dates.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(LocalDate::parse).collect(Collectors.toSet());
        return date -> days.contains(date) ? Optional.of("holiday") : Optional.empty();
    }

    static List<Transition> parse(String expected) {
        return Arrays.stream(expected.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(item -> {
            String[] parts = item.split(" ");
            return new Transition(at(parts[0]), PowerState.valueOf(parts[1]));
        }).toList();
    }
}

package dev.offhours.core.time;

import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.KeepAwake;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Compact schedules for tests: {@code "Mon-Fri 07:30-19:00; Sat,Sun 22:00-02:00"}, times as in the YAML files. */
final class Schedules {

    private static final List<String> DAY_NAMES = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    private Schedules() {
    }

    static Schedule schedule(String zone, String periods) {
        return schedule(zone, periods, List.of(), null);
    }

    static Schedule schedule(String zone, String periods, List<LocalDate> sleepOn, Instant keepAwakeUntil) {
        List<KeepAwake> keepAwake = keepAwakeUntil == null ? List.of() : List.of(new KeepAwake(keepAwakeUntil, "test"));
        return new Schedule("test-schedule", "team-test", "", ZoneId.of(zone), periods(periods), List.of(), sleepOn,
                keepAwake, false, false, Scope.EVERYWHERE, AsleepCapacity.ZERO, "schedules/test/test-schedule.yaml");
    }

    static List<AwakePeriod> periods(String spec) {
        List<AwakePeriod> periods = new ArrayList<>();
        for (String part : spec.split(";")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] daysAndTimes = trimmed.split(" ");
            String[] times = daysAndTimes[1].split("-");
            periods.add(new AwakePeriod(days(daysAndTimes[0]), time(times[0]), time(times[1])));
        }
        return periods;
    }

    static Set<DayOfWeek> days(String spec) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : spec.split(",")) {
            String[] range = item.split("-");
            int first = DAY_NAMES.indexOf(range[0]);
            int last = DAY_NAMES.indexOf(range[range.length - 1]);
            for (int i = first; i <= last; i++) {
                days.add(DayOfWeek.of(i + 1));
            }
        }
        return days;
    }

    /** "24:00" is the end of the day, which the record holds as 00:00 of the next. */
    static LocalTime time(String text) {
        return text.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(text);
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}

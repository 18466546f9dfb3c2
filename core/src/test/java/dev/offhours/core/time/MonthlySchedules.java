package dev.offhours.core.time;

import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.KeepAwake;
import dev.offhours.core.schedule.MonthDayRange;
import dev.offhours.core.schedule.NthWeekday;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compact schedules with the monthly selectors for tests: {@code "Tue#2,Fri#L 07:00-19:00; md=25-L m=Nov-Feb
 * 08:00-12:00; Mon-Fri md=1-7 22:00-02:00"}: days (plain, ranges, {@code #n}, {@code #L}), {@code md=} month days
 * ({@code L} is the last), {@code m=} months by number or three-letter name, {@code @30} a capacity of 30 %, then
 * the times.
 */
final class MonthlySchedules {

    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");
    private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    private MonthlySchedules() {
    }

    static Schedule schedule(String zone, String periods, Duration warmUp, List<LocalDate> sleepOn,
            List<KeepAwake> keepAwake) {
        return new Schedule("test-schedule", "team-test", "", ZoneId.of(zone), periods(periods), List.of(), sleepOn,
                keepAwake, false, false, Scope.EVERYWHERE, AsleepCapacity.ZERO, "schedules/test/test-schedule.yaml",
                warmUp);
    }

    static List<AwakePeriod> periods(String spec) {
        List<AwakePeriod> periods = new ArrayList<>();
        for (String part : spec.split(";")) {
            if (!part.isBlank()) {
                periods.add(period(part.trim()));
            }
        }
        return periods;
    }

    static AwakePeriod period(String spec) {
        String[] tokens = spec.split(" ");
        String[] times = tokens[tokens.length - 1].split("-");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Set<NthWeekday> nth = new HashSet<>();
        List<MonthDayRange> monthDays = new ArrayList<>();
        Set<Month> months = EnumSet.noneOf(Month.class);
        int capacity = AwakePeriod.FULL;
        for (int i = 0; i < tokens.length - 1; i++) {
            String token = tokens[i];
            if (token.startsWith("@")) {
                capacity = Integer.parseInt(token.substring(1));
            } else if (token.startsWith("md=")) {
                for (String item : token.substring(3).split(",")) {
                    String[] range = item.split("-");
                    monthDays.add(new MonthDayRange(monthDay(range[0]), monthDay(range[range.length - 1])));
                }
            } else if (token.startsWith("m=")) {
                for (String item : token.substring(2).split(",")) {
                    String[] range = item.split("-");
                    for (Month m = month(range[0]); ; m = m.plus(1)) {
                        months.add(m);
                        if (m == month(range[range.length - 1])) {
                            break;
                        }
                    }
                }
            } else {
                for (String item : token.split(",")) {
                    if (item.contains("#")) {
                        String[] dayAndNth = item.split("#");
                        nth.add(new NthWeekday(day(dayAndNth[0]),
                                dayAndNth[1].equals("L") ? NthWeekday.LAST : Integer.parseInt(dayAndNth[1])));
                    } else {
                        days.addAll(Schedules.days(item));
                    }
                }
            }
        }
        return new AwakePeriod(days, Schedules.time(times[0]), Schedules.time(times[1]), nth, monthDays, months,
                capacity);
    }

    private static int monthDay(String text) {
        return text.equals("L") ? MonthDayRange.LAST : Integer.parseInt(text);
    }

    private static Month month(String text) {
        return text.matches("[0-9]+") ? Month.of(Integer.parseInt(text)) : Month.of(MONTHS.indexOf(text) + 1);
    }

    private static DayOfWeek day(String name) {
        return DayOfWeek.of(DAYS.indexOf(name) + 1);
    }
}

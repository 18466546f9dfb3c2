package dev.offhours.core.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Targets run from {@code from} to {@code to} local time on each local day the period applies on. When {@code to}
 * is not after {@code from} the period runs past midnight into the next day (Fri 22:00 to Sat 02:00). A period
 * belongs to the day it starts on, and lasts {@code (to - from) mod 24h}, where 0 means a whole 24 hours.
 *
 * <p>The period applies on a day when every selector it has matches: its days of the week ({@code days}, plus the
 * nth or last weekdays of the month in {@code nthDays}; both empty means any weekday), {@code monthDays} (empty means
 * any) and {@code months} (empty means any).
 *
 * <p>While it is in force, targets run at {@code capacityPercent} of their saved awake capacity (100: all of it).
 *
 * <p>In the file, {@code to: "24:00"} means midnight at the end of the day and is stored as
 * {@link LocalTime#MIDNIGHT}: {@code 00:00}-{@code 24:00} is therefore {@code from == to == MIDNIGHT}, a whole day,
 * and {@code 07:00}-{@code 24:00} is {@code 07:00}-{@code 00:00}, 17 hours. A file that literally says
 * {@code from == to} (e.g. {@code "07:00"} to {@code "07:00"}) is rejected by the validator as an empty period.
 */
public record AwakePeriod(Set<DayOfWeek> days, LocalTime from, LocalTime to, Set<NthWeekday> nthDays,
        List<MonthDayRange> monthDays, Set<Month> months, int capacityPercent) {

    /** Full capacity: the saved awake capacity as it is. */
    public static final int FULL = 100;

    public AwakePeriod {
        if (capacityPercent < 1 || capacityPercent > FULL) {
            throw new IllegalArgumentException("capacity must be 1 to 100 percent, not " + capacityPercent);
        }
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        nthDays = Set.copyOf(nthDays);
        monthDays = List.copyOf(monthDays);
        months = months.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(months));
    }

    /** A weekly period at full capacity: on each of {@code days}. */
    public AwakePeriod(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        this(days, from, to, Set.of(), List.of(), Set.of(), FULL);
    }

    /** A period at full capacity. */
    public AwakePeriod(Set<DayOfWeek> days, LocalTime from, LocalTime to, Set<NthWeekday> nthDays,
            List<MonthDayRange> monthDays, Set<Month> months) {
        this(days, from, to, nthDays, monthDays, months, FULL);
    }

    /** True when the period ends on the next local day (including a whole 24-hour period). */
    public boolean crossesMidnight() {
        return !to.isAfter(from);
    }

    /** True when only the day of the week decides where the period applies (every v1 period). */
    public boolean weekly() {
        return nthDays.isEmpty() && monthDays.isEmpty() && months.isEmpty() && !days.isEmpty();
    }

    /** The days of the week on which the period can apply in some month. */
    public Set<DayOfWeek> possibleWeekdays() {
        if (days.isEmpty() && nthDays.isEmpty()) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> possible = EnumSet.noneOf(DayOfWeek.class);
        possible.addAll(days);
        nthDays.forEach(n -> possible.add(n.day()));
        return possible;
    }

    /** True when a period of this schedule starts on the local day {@code date}. */
    public boolean appliesOn(LocalDate date) {
        if (!months.isEmpty() && !months.contains(date.getMonth())) {
            return false;
        }
        if (!monthDays.isEmpty() && monthDays.stream().noneMatch(r -> r.matches(date))) {
            return false;
        }
        if (days.isEmpty() && nthDays.isEmpty()) {
            return true;
        }
        return days.contains(date.getDayOfWeek()) || nthDays.stream().anyMatch(n -> n.matches(date));
    }
}

package dev.offhours.core.source;

import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.MonthDayRange;
import dev.offhours.core.schedule.NthWeekday;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.BitSet;

/**
 * The local days an awake period applies on, over one whole cycle of month shapes: the 28 years from
 * {@link #CYCLE_START} hold every combination of month length (28 to 31 days), leap year and weekday of the first of
 * the month, and every pair of consecutive days that those allow (the Gregorian century rule only makes a year
 * common that has a common year's shape). So a property of every possible day, or pair of consecutive days, holds
 * when it holds on this cycle, and the first day found in it is the first from {@link #CYCLE_START} on.
 *
 * <p>Matching is compiled to bit masks, so a cycle of 10,227 days costs microseconds.
 */
final class PeriodDays {

    /** The first day of the cycle, and the day from which "the first date" in messages is counted. */
    static final LocalDate CYCLE_START = LocalDate.of(2026, 1, 1);
    /** 28 years with no century year, plus the day after for pairs that end on it. */
    static final int CYCLE_DAYS = (int) (CYCLE_START.plusYears(28).toEpochDay() - CYCLE_START.toEpochDay()) + 1;

    private final int monthMask;
    /** By month length minus 28: bit d for day of the month d. */
    private final long[] monthDayMasks = new long[4];
    private final boolean anyWeekday;
    private final int weeklyMask;
    /** By weekday ordinal: bit n for the nth such weekday of the month. */
    private final int[] nthMasks = new int[7];
    private final int lastMask;

    PeriodDays(AwakePeriod period) {
        int months = 0;
        for (Month m : period.months()) {
            months |= 1 << m.ordinal();
        }
        monthMask = period.months().isEmpty() ? 0xFFF : months;
        for (int length = 28; length <= 31; length++) {
            long mask = 0;
            for (int day = 1; day <= length; day++) {
                if (period.monthDays().isEmpty() || matchesMonthDay(period, day, length)) {
                    mask |= 1L << day;
                }
            }
            monthDayMasks[length - 28] = mask;
        }
        anyWeekday = period.days().isEmpty() && period.nthDays().isEmpty();
        int weekly = 0;
        for (DayOfWeek d : period.days()) {
            weekly |= 1 << d.ordinal();
        }
        weeklyMask = weekly;
        int last = 0;
        for (NthWeekday n : period.nthDays()) {
            if (n.nth() == NthWeekday.LAST) {
                last |= 1 << n.day().ordinal();
            } else {
                nthMasks[n.day().ordinal()] |= 1 << n.nth();
            }
        }
        lastMask = last;
    }

    private static boolean matchesMonthDay(AwakePeriod period, int day, int length) {
        for (MonthDayRange range : period.monthDays()) {
            int from = range.first() == MonthDayRange.LAST ? length : range.first();
            int to = range.last() == MonthDayRange.LAST ? length : range.last();
            if (day >= from && day <= to) {
                return true;
            }
        }
        return false;
    }

    boolean matches(int monthOrdinal, int dayOfMonth, int weekdayOrdinal, int length) {
        if ((monthMask & (1 << monthOrdinal)) == 0 || (monthDayMasks[length - 28] & (1L << dayOfMonth)) == 0) {
            return false;
        }
        return anyWeekday
                || (weeklyMask & (1 << weekdayOrdinal)) != 0
                || (nthMasks[weekdayOrdinal] & (1 << ((dayOfMonth - 1) / 7 + 1))) != 0
                || ((lastMask & (1 << weekdayOrdinal)) != 0 && dayOfMonth + 7 > length);
    }

    /** Bit i set when the period applies on {@code CYCLE_START + i} days. */
    BitSet inCycle() {
        BitSet days = new BitSet(CYCLE_DAYS);
        int index = 0;
        int weekday = CYCLE_START.getDayOfWeek().ordinal();
        for (LocalDate month = CYCLE_START; index < CYCLE_DAYS; month = month.plusMonths(1)) {
            int length = month.lengthOfMonth();
            int monthOrdinal = month.getMonthValue() - 1;
            for (int day = 1; day <= length && index < CYCLE_DAYS; day++, index++, weekday = (weekday + 1) % 7) {
                if (matches(monthOrdinal, day, weekday, length)) {
                    days.set(index);
                }
            }
        }
        return days;
    }

    static LocalDate dateOf(int index) {
        return CYCLE_START.plusDays(index);
    }
}

package dev.offhours.core.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The nth weekday of a month ({@code Mon#1} to {@code Mon#5}) or its last one ({@code Fri#L}, {@link #LAST}). A
 * {@code Mon#5} in a month with four Mondays matches no day of that month.
 */
public record NthWeekday(DayOfWeek day, int nth) {

    /** The {@code nth} of the last such weekday of the month. */
    public static final int LAST = -1;

    public NthWeekday {
        if (nth != LAST && (nth < 1 || nth > 5)) {
            throw new IllegalArgumentException("nth must be 1 to 5 or LAST, not " + nth);
        }
    }

    public boolean matches(LocalDate date) {
        if (date.getDayOfWeek() != day) {
            return false;
        }
        int dayOfMonth = date.getDayOfMonth();
        return nth == LAST ? dayOfMonth + 7 > date.lengthOfMonth() : (dayOfMonth - 1) / 7 + 1 == nth;
    }
}

package dev.offhours.core.schedule;

import java.time.LocalDate;

/**
 * Days {@code first} to {@code last} of a month, inclusive; {@link #LAST} stands for the month's last day, so
 * {@code 25-L} is the 25th to the 28th in a common February and to the 31st in January. A day beyond the month's
 * length matches nothing ({@code 30} in February).
 */
public record MonthDayRange(int first, int last) {

    /** The last day of the month, whatever its length. */
    public static final int LAST = 32;

    public MonthDayRange {
        if (first < 1 || first > LAST || last < first || last > LAST) {
            throw new IllegalArgumentException("not a range of month days: " + first + "-" + last);
        }
    }

    public boolean matches(LocalDate date) {
        int length = date.lengthOfMonth();
        int dayOfMonth = date.getDayOfMonth();
        int from = first == LAST ? length : first;
        int to = last == LAST ? length : last;
        return dayOfMonth >= from && dayOfMonth <= to;
    }
}

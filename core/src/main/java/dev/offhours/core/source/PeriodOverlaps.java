package dev.offhours.core.source;

import dev.offhours.core.schedule.AwakePeriod;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.BitSet;
import java.util.Optional;

/**
 * Whether two awake periods of one schedule can share time on some day, in local wall-clock time. Weekly periods
 * are compared over the minutes of the week (the week wraps from Sunday to Monday). A period with monthly
 * selectors is compared day by day over the whole cycle of month shapes of {@link PeriodDays}, so the answer is
 * exact, not sampled, and names the first date from {@link PeriodDays#CYCLE_START} on which they overlap. The
 * weekly comparison on the weekdays each could fall on runs first: periods it finds apart are apart on every date.
 */
final class PeriodOverlaps {

    private static final String END_OF_DAY = "24:00";
    private static final int MINUTES_PER_WEEK = 7 * 24 * 60;
    private static final int MINUTES_PER_DAY = 24 * 60;

    private PeriodOverlaps() {
    }

    /** A sentence fragment saying where {@code a} and {@code b} first share time, if they ever do. */
    static Optional<String> firstOverlap(AwakePeriod a, AwakePeriod b) {
        Optional<String> weekly = weeklyOverlap(a, b);
        if (weekly.isEmpty() || (a.weekly() && b.weekly())) {
            return weekly;
        }
        return datedOverlap(a, b);
    }

    private static Optional<String> weeklyOverlap(AwakePeriod a, AwakePeriod b) {
        for (DayOfWeek dayA : a.possibleWeekdays()) {
            for (DayOfWeek dayB : b.possibleWeekdays()) {
                if (overlap(start(dayA, a), length(a), start(dayB, b), length(b))) {
                    return Optional.of(describe(dayA, a) + " and " + describe(dayB, b) + " share time");
                }
            }
        }
        return Optional.empty();
    }

    /** Tries b starting one day before a, the same day, and the day after, in the order of the overlap's date. */
    private static Optional<String> datedOverlap(AwakePeriod a, AwakePeriod b) {
        boolean bBefore = sharesTime(a, b, -1);
        boolean sameDay = sharesTime(a, b, 0);
        boolean bAfter = sharesTime(a, b, 1);
        BitSet daysA = new PeriodDays(a).inCycle();
        BitSet daysB = new PeriodDays(b).inCycle();
        for (int i = daysA.nextSetBit(0); i >= 0; i = daysA.nextSetBit(i + 1)) {
            if (bBefore && i > 0 && daysB.get(i - 1)) {
                return Optional.of(dated(i, a, i - 1, b, i));
            }
            if (sameDay && daysB.get(i)) {
                return Optional.of(dated(i, a, i, b, i));
            }
            if (bAfter && daysB.get(i + 1)) {
                return Optional.of(dated(i, a, i + 1, b, i + 1));
            }
        }
        return Optional.empty();
    }

    private static String dated(int dayA, AwakePeriod a, int dayB, AwakePeriod b, int overlapDay) {
        return describe(PeriodDays.dateOf(dayA).getDayOfWeek(), a) + " and "
                + describe(PeriodDays.dateOf(dayB).getDayOfWeek(), b) + " share time, first on "
                + PeriodDays.dateOf(overlapDay);
    }

    /** True when b, starting {@code dayOffset} days after a, shares a minute with a. */
    private static boolean sharesTime(AwakePeriod a, AwakePeriod b, int dayOffset) {
        int startA = a.from().toSecondOfDay() / 60;
        int startB = dayOffset * MINUTES_PER_DAY + b.from().toSecondOfDay() / 60;
        return startA < startB + length(b) && startB < startA + length(a);
    }

    private static String describe(DayOfWeek day, AwakePeriod period) {
        return Days.name(day) + " " + times(period);
    }

    private static String times(AwakePeriod period) {
        String to = period.to().equals(LocalTime.MIDNIGHT) ? END_OF_DAY : period.to().toString();
        return period.from() + "-" + to;
    }

    private static int start(DayOfWeek day, AwakePeriod period) {
        return day.ordinal() * MINUTES_PER_DAY + period.from().toSecondOfDay() / 60;
    }

    /** Minutes awake; {@code to == from} in the model means a whole day (00:00 to 24:00). */
    static int length(AwakePeriod period) {
        int minutes = Math.floorMod(period.to().toSecondOfDay() / 60 - period.from().toSecondOfDay() / 60,
                MINUTES_PER_DAY);
        return minutes == 0 ? MINUTES_PER_DAY : minutes;
    }

    private static boolean overlap(int startA, int lengthA, int startB, int lengthB) {
        return Math.floorMod(startB - startA, MINUTES_PER_WEEK) < lengthA
                || Math.floorMod(startA - startB, MINUTES_PER_WEEK) < lengthB;
    }
}

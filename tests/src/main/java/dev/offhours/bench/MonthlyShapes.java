package dev.offhours.bench;

import java.util.Random;

/**
 * The {@code spec} additions of generated schedules that use the newer parts of the language: nth and last weekdays,
 * days of the month, months, reduced capacity, warm-up, date ranges and planned keepAwake windows. Every shape is free
 * of overlaps on every date, and half of them make the validator compare periods date by date (their weekdays and
 * times overlap, their days of the month or months do not).
 */
final class MonthlyShapes {

    private MonthlyShapes() {
    }

    /** The {@code awake} list, with the lines after it ({@code warmUp}, {@code sleepOn}, ...) the shape needs. */
    static String awake(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> period("days: Mon-Fri", "08:00", "18:00", "")
                    + period("days: Mon-Fri", "18:00", "22:00", "30%") + "  warmUp: 15m\n";
            case 1 -> period("days: Mon-Fri\n      months: Nov-Feb", "07:00", "20:00", "")
                    + period("days: Mon-Fri\n      months: Mar-Oct", "08:00", "18:00", "");
            case 2 -> period("days: Mon-Fri\n      monthDays: 25-L", "06:00", "22:00", "")
                    + period("days: Mon-Fri\n      monthDays: 1-24", "08:00", "18:00", "");
            case 3 -> period("days: Mon-Fri", "08:00", "18:00", "")
                    + period("days: \"Tue#2\"", "20:00", "23:00", "") + period("days: \"Sat#1,Sun#L\"", "09:00", "13:00",
                    "50%");
            case 4 -> period("days: Mon-Fri", "07:30", "19:00", "")
                    + "  sleepOn: [\"2026-12-24..2027-01-01\", \"2027-12-24..2028-01-01\"]\n";
            default -> period("days: Mon-Fri", "08:00", "17:00", "") + period("days: \"Fri#L\"", "17:00", "23:00", "")
                    + "  keepAwake:\n    - from: \"2027-06-08T20:00:00+02:00\"\n"
                    + "      until: \"2027-06-09T02:00:00+02:00\"\n      reason: load test\n";
        };
    }

    private static String period(String selectors, String from, String to, String capacity) {
        return "    - " + selectors + "\n      from: \"" + from + "\"\n      to: \"" + to + "\"\n"
                + (capacity.isEmpty() ? "" : "      capacity: \"" + capacity + "\"\n");
    }
}

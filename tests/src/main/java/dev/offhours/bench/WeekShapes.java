package dev.offhours.bench;

import java.util.Random;

/**
 * The {@code awake} lists of generated schedules: the shapes of week teams write, with randomised times that keep
 * every shape free of overlaps (the validator rejects periods that share a minute of the week).
 */
final class WeekShapes {

    private WeekShapes() {
    }

    static String awake(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> period("Mon-Fri", morning(random), evening(random));
            case 1 -> period("Mon-Thu", morning(random), evening(random)) + period("Fri", morning(random), "15:00");
            case 2 -> period("Mon-Fri", time(12 + random.nextInt(4), random), time(random.nextInt(3), random));
            case 3 -> period("Sun-Thu", time(20 + random.nextInt(3), random), time(4 + random.nextInt(3), random));
            case 4 -> period("Mon,Wed,Fri", morning(random), "12:00") + period("Mon,Wed,Fri", "13:00", evening(random))
                    + period("Tue,Thu", morning(random), evening(random));
            case 5 -> period("Mon-Fri", "00:00", "24:00");
            default -> period("Fri-Mon", morning(random), evening(random)) + period("Wed", "02:00", "03:00");
        };
    }

    private static String period(String days, String from, String to) {
        return "    - days: " + days + "\n      from: \"" + from + "\"\n      to: \"" + to + "\"\n";
    }

    private static String morning(Random random) {
        return time(6 + random.nextInt(4), random);
    }

    private static String evening(Random random) {
        return time(16 + random.nextInt(5), random);
    }

    private static String time(int hour, Random random) {
        return String.format("%02d:%02d", hour, 15 * random.nextInt(4));
    }
}

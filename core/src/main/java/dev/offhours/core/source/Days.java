package dev.offhours.core.source;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code days} of an awake period: day names Mon..Sun (any letter case), ranges {@code Mon-Fri} and comma
 * lists {@code Mon,Wed,Fri}, combinable ({@code Mon-Wed,Fri}). A range may wrap past Sunday: {@code Fri-Mon} is
 * Fri, Sat, Sun, Mon. No day may be named twice.
 */
final class Days {

    static final String RULE = "use day names Mon, Tue, Wed, Thu, Fri, Sat or Sun, a range like 'Mon-Fri' (ranges"
            + " may wrap, 'Fri-Mon') or a list like 'Mon,Wed,Fri'";
    private static final Map<String, DayOfWeek> NAMES = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat",
            DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    private Days() {
    }

    /** Thrown with the reason why a days text is not valid (a fragment of a sentence). */
    static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    static Set<DayOfWeek> parse(String text) throws Invalid {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",", -1)) {
            String item = part.strip();
            if (item.isEmpty()) {
                throw new Invalid("an item of the list is empty");
            }
            int dash = item.indexOf('-');
            if (dash < 0) {
                add(days, day(item));
            } else {
                DayOfWeek first = day(item.substring(0, dash).strip());
                DayOfWeek last = day(item.substring(dash + 1).strip());
                if (first == last) {
                    throw new Invalid("the range '" + item + "' starts and ends on the same day");
                }
                for (DayOfWeek d = first; ; d = d.plus(1)) {
                    add(days, d);
                    if (d == last) {
                        break;
                    }
                }
            }
        }
        return days;
    }

    private static void add(Set<DayOfWeek> days, DayOfWeek day) throws Invalid {
        if (!days.add(day)) {
            throw new Invalid(name(day) + " is named twice");
        }
    }

    private static DayOfWeek day(String name) throws Invalid {
        DayOfWeek day = NAMES.get(name.toLowerCase(Locale.ROOT));
        if (day == null) {
            throw new Invalid("'" + name + "' is not a day");
        }
        return day;
    }

    static String name(DayOfWeek day) {
        String full = day.name();
        return full.charAt(0) + full.substring(1, 3).toLowerCase(Locale.ROOT);
    }
}

package dev.offhours.core.source;

import dev.offhours.core.schedule.NthWeekday;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code days} of an awake period: day names Mon..Sun (any letter case), ranges {@code Mon-Fri} and comma
 * lists {@code Mon,Wed,Fri}, combinable ({@code Mon-Wed,Fri}). A range may wrap past Sunday: {@code Fri-Mon} is
 * Fri, Sat, Sun, Mon. An item may also be the nth weekday of the month, {@code Tue#2} ({@code #1} to {@code #5}), or
 * its last, {@code Fri#L}. No day may be named twice, and {@code Mon#1} beside {@code Mon} would be named twice.
 */
final class Days {

    static final String RULE = "use day names Mon, Tue, Wed, Thu, Fri, Sat or Sun, a range like 'Mon-Fri' (ranges"
            + " may wrap, 'Fri-Mon'), the nth weekday of the month 'Mon#1' to 'Mon#5' or the last 'Fri#L', or a list"
            + " like 'Mon,Wed,Fri' or 'Tue#2,Fri#L'";
    private static final Map<String, DayOfWeek> NAMES = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat",
            DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    /** Weekly days and nth weekdays of the month, as read. */
    record Parsed(Set<DayOfWeek> weekly, Set<NthWeekday> nth) {
    }

    private Days() {
    }

    /** Thrown with the reason why a days text is not valid (a fragment of a sentence). */
    static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    static Parsed parse(String text) throws Invalid {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Set<NthWeekday> nth = new HashSet<>();
        for (String part : text.split(",", -1)) {
            String item = part.strip();
            if (item.isEmpty()) {
                throw new Invalid("an item of the list is empty");
            }
            int hash = item.indexOf('#');
            int dash = item.indexOf('-');
            if (hash >= 0) {
                if (dash >= 0) {
                    throw new Invalid("'" + item + "' mixes a range and an nth weekday; list them instead, e.g."
                            + " 'Mon#1,Tue#1'");
                }
                if (!nth.add(nthWeekday(item, hash))) {
                    throw new Invalid(item + " is named twice");
                }
            } else if (dash < 0) {
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
        for (NthWeekday n : nth) {
            if (days.contains(n.day())) {
                throw new Invalid(name(n.day()) + " is named twice: every " + name(n.day()) + " already includes "
                        + name(n.day()) + "#" + (n.nth() == NthWeekday.LAST ? "L" : n.nth()));
            }
        }
        return new Parsed(days, nth);
    }

    private static NthWeekday nthWeekday(String item, int hash) throws Invalid {
        DayOfWeek day = day(item.substring(0, hash).strip());
        String which = item.substring(hash + 1).strip();
        if (which.equalsIgnoreCase("L")) {
            return new NthWeekday(day, NthWeekday.LAST);
        }
        if (!which.matches("[1-5]")) {
            throw new Invalid("'" + item + "' is not an nth weekday; a month has at most five of each weekday, use #1"
                    + " to #5 or #L for the last");
        }
        return new NthWeekday(day, Integer.parseInt(which));
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

    static String name(NthWeekday n) {
        return name(n.day()) + "#" + (n.nth() == NthWeekday.LAST ? "L" : String.valueOf(n.nth()));
    }
}

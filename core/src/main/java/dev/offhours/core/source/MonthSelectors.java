package dev.offhours.core.source;

import dev.offhours.core.schedule.MonthDayRange;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code monthDays} and {@code months} of an awake period. Month days are numbers 1 to 31 and {@code L}, the
 * last day of the month, alone, in ranges that may not wrap ({@code 1-15}, {@code 25-L}) and in comma lists. Months
 * are three-letter English names (any letter case), in ranges that may wrap past December ({@code Nov-Feb}) and in
 * comma lists. Nothing may be named twice.
 */
final class MonthSelectors {

    static final String MONTH_DAYS_RULE = "use days of the month 1 to 31 and L for the last day, ranges like '1-15'"
            + " or '25-L' and lists like '1,15,L'";
    static final String MONTHS_RULE = "use month names Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov or Dec,"
            + " a range like 'Jan-Mar' (ranges may wrap, 'Nov-Feb') or a list like 'Jan-Mar,Dec'";
    private static final List<String> MONTH_NAMES = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");

    private MonthSelectors() {
    }

    static List<MonthDayRange> monthDays(String text) throws Days.Invalid {
        List<MonthDayRange> ranges = new ArrayList<>();
        boolean[] named = new boolean[MonthDayRange.LAST + 1];
        for (String item : items(text)) {
            int dash = item.indexOf('-');
            int first = monthDay(dash < 0 ? item : item.substring(0, dash).strip());
            int last = dash < 0 ? first : monthDay(item.substring(dash + 1).strip());
            if (last < first) {
                throw new Days.Invalid("the range '" + item + "' ends before it starts; ranges of days of the month"
                        + " do not wrap, list both parts instead, e.g. '25-L,1-5'");
            }
            for (int day = first; day <= last; day++) {
                if (named[day]) {
                    throw new Days.Invalid((day == MonthDayRange.LAST ? "L" : String.valueOf(day)) + " is named"
                            + " twice");
                }
                named[day] = true;
            }
            ranges.add(new MonthDayRange(first, last));
        }
        return ranges;
    }

    static Set<Month> months(String text) throws Days.Invalid {
        Set<Month> months = EnumSet.noneOf(Month.class);
        for (String item : items(text)) {
            int dash = item.indexOf('-');
            Month first = month(dash < 0 ? item : item.substring(0, dash).strip());
            Month last = dash < 0 ? first : month(item.substring(dash + 1).strip());
            if (dash >= 0 && first == last) {
                throw new Days.Invalid("the range '" + item + "' starts and ends in the same month");
            }
            for (Month m = first; ; m = m.plus(1)) {
                if (!months.add(m)) {
                    throw new Days.Invalid(name(m) + " is named twice");
                }
                if (m == last) {
                    break;
                }
            }
        }
        return months;
    }

    static String name(Month month) {
        String lower = MONTH_NAMES.get(month.ordinal());
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static List<String> items(String text) throws Days.Invalid {
        List<String> items = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String item = part.strip();
            if (item.isEmpty()) {
                throw new Days.Invalid("an item of the list is empty");
            }
            items.add(item);
        }
        return items;
    }

    private static int monthDay(String text) throws Days.Invalid {
        if (text.equalsIgnoreCase("L")) {
            return MonthDayRange.LAST;
        }
        if (text.matches("[0-9]{1,2}")) {
            int day = Integer.parseInt(text);
            if (day >= 1 && day <= 31) {
                return day;
            }
        }
        throw new Days.Invalid("'" + text + "' is not a day of the month");
    }

    private static Month month(String text) throws Days.Invalid {
        int index = MONTH_NAMES.indexOf(text.toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw new Days.Invalid("'" + text + "' is not a month");
        }
        return Month.of(index + 1);
    }
}

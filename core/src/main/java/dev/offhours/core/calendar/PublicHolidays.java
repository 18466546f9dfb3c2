package dev.offhours.core.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The public holidays of countries and their subdivisions, from Jollyday. Loading a country's rules is slow
 * (hundreds of milliseconds the first time), so managers and computed years are cached for the life of the
 * process; one shared instance serves everyone. Thread-safe. Codes are lowercase ({@code de}, {@code by}).
 */
public final class PublicHolidays {

    private static final PublicHolidays SHARED = new PublicHolidays();

    private record YearKey(String country, String subdivision, int year) {
    }

    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();
    private final Map<YearKey, Map<LocalDate, String>> years = new ConcurrentHashMap<>();
    private volatile Set<String> countries;

    private PublicHolidays() {
    }

    public static PublicHolidays shared() {
        return SHARED;
    }

    /** ISO 3166-1 alpha-2 codes Jollyday knows, lowercase. */
    public Set<String> countries() {
        Set<String> known = countries;
        if (known == null) {
            known = HolidayManager.getSupportedCalendarCodes().stream()
                    .filter(code -> code.length() == 2)
                    .map(code -> code.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toCollection(TreeSet::new));
            countries = Collections.unmodifiableSet(known);
        }
        return known;
    }

    /** The subdivision codes of a known country, lowercase and sorted (empty for a country without any). */
    public Set<String> subdivisions(String country) {
        return manager(country).getCalendarHierarchy().getChildren().keySet().stream()
                .map(code -> code.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The public holidays of one year with their English names; {@code subdivision} may be empty. */
    public Map<LocalDate, String> holidays(String country, Optional<String> subdivision, int year) {
        YearKey key = new YearKey(country, subdivision.orElse(""), year);
        return years.computeIfAbsent(key, this::load);
    }

    private Map<LocalDate, String> load(YearKey key) {
        String[] args = key.subdivision().isEmpty() ? new String[0] : new String[] {key.subdivision()};
        Map<LocalDate, String> byDate = new TreeMap<>();
        for (Holiday holiday : manager(key.country()).getHolidays(Year.of(key.year()), HolidayType.PUBLIC_HOLIDAY,
                args)) {
            byDate.merge(holiday.getActualDate(), holiday.getDescription(Locale.ENGLISH), (a, b) -> a + ", " + b);
        }
        return Collections.unmodifiableMap(byDate);
    }

    private HolidayManager manager(String country) {
        if (!countries().contains(country)) {
            throw new IllegalArgumentException("unknown country code '" + country + "'");
        }
        return managers.computeIfAbsent(country, c -> HolidayManager.getInstance(ManagerParameters.create(c)));
    }
}

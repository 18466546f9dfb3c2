package dev.offhours.core.calendar;

import dev.offhours.core.schedule.HolidayCalendar;
import dev.offhours.core.schedule.NamedDate;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The holidays of one calendar file: its listed dates, and when it names a country the public holidays of that
 * country (and subdivision) for any year asked. A listed date wins over a public holiday of the same day, so a
 * team can name it. Thread-safe.
 */
public final class CalendarHolidays implements HolidaySource {

    private final HolidayCalendar calendar;
    private final Map<LocalDate, String> listed = new HashMap<>();
    private final PublicHolidays publicHolidays;

    public CalendarHolidays(HolidayCalendar calendar) {
        this(calendar, PublicHolidays.shared());
    }

    CalendarHolidays(HolidayCalendar calendar, PublicHolidays publicHolidays) {
        this.calendar = calendar;
        this.publicHolidays = publicHolidays;
        for (NamedDate date : calendar.dates()) {
            listed.putIfAbsent(date.date(), date.name());
        }
    }

    public HolidayCalendar calendar() {
        return calendar;
    }

    @Override
    public Optional<String> holidayOn(LocalDate date) {
        String name = listed.get(date);
        if (name != null) {
            return Optional.of(name);
        }
        if (calendar.country().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(publicHolidays.holidays(calendar.country().get(), calendar.subdivision(),
                date.getYear()).get(date));
    }
}

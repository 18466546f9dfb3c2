package dev.offhours.core.calendar;

import dev.offhours.core.schedule.HolidayCalendar;
import dev.offhours.core.schedule.Schedule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the {@link HolidaySource} a schedule's timeline uses. */
public final class HolidaySources {

    /** The name given to a schedule's own {@code sleepOn} dates. */
    public static final String SLEEP_ON = "sleepOn";

    private HolidaySources() {
    }

    /**
     * The union of the schedule's {@code sleepOn} dates (named {@value #SLEEP_ON}) and the holidays of each calendar
     * it names, in that order: the first source that knows a date names it.
     *
     * @throws IllegalArgumentException when the schedule names a calendar missing from {@code calendars} (a
     *                                  validated catalog never does)
     */
    public static HolidaySource forSchedule(Schedule schedule, Map<String, HolidayCalendar> calendars) {
        List<HolidaySource> sources = new ArrayList<>();
        if (!schedule.sleepOn().isEmpty()) {
            Set<LocalDate> sleepOn = Set.copyOf(schedule.sleepOn());
            sources.add(date -> sleepOn.contains(date) ? Optional.of(SLEEP_ON) : Optional.empty());
        }
        for (String name : schedule.calendars()) {
            HolidayCalendar calendar = calendars.get(name);
            if (calendar == null) {
                throw new IllegalArgumentException("schedule '" + schedule.name() + "' names the calendar '" + name
                        + "', which the catalog does not hold");
            }
            sources.add(new CalendarHolidays(calendar));
        }
        return union(sources);
    }

    /** The first name any of {@code sources} gives a date. */
    public static HolidaySource union(List<HolidaySource> sources) {
        List<HolidaySource> all = List.copyOf(sources);
        if (all.isEmpty()) {
            return HolidaySource.none();
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        return date -> {
            for (HolidaySource source : all) {
                Optional<String> name = source.holidayOn(date);
                if (name.isPresent()) {
                    return name;
                }
            }
            return Optional.empty();
        };
    }
}

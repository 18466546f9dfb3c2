package dev.offhours.core.schedule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one revision of the schedules repository says, validated: schedules by name, calendars by name, and
 * the account registry. Immutable.
 */
public record ScheduleCatalog(
        SortedMap<String, Schedule> schedules,
        SortedMap<String, HolidayCalendar> calendars,
        AccountRegistry accounts) {

    public static final ScheduleCatalog EMPTY = new ScheduleCatalog(new TreeMap<>(), new TreeMap<>(), AccountRegistry.EMPTY);

    public ScheduleCatalog {
        schedules = Collections.unmodifiableSortedMap(new TreeMap<>(schedules));
        calendars = Collections.unmodifiableSortedMap(new TreeMap<>(calendars));
        accounts = accounts == null ? AccountRegistry.EMPTY : accounts;
    }

    public Optional<Schedule> schedule(String name) {
        return Optional.ofNullable(schedules.get(name));
    }

    public static ScheduleCatalog of(Map<String, Schedule> schedules, Map<String, HolidayCalendar> calendars,
            AccountRegistry accounts) {
        return new ScheduleCatalog(new TreeMap<>(new LinkedHashMap<>(schedules)), new TreeMap<>(calendars), accounts);
    }
}

package dev.offhours.core.plan;

import dev.offhours.core.calendar.HolidaySource;
import dev.offhours.core.schedule.HolidayCalendar;
import dev.offhours.core.schedule.Schedule;
import java.util.Map;

/**
 * Builds the holidays of one schedule from the calendars of its revision. A port so that the plan does not decide
 * how calendars become holidays (the calendar package does, with the public-holiday library).
 */
@FunctionalInterface
public interface HolidayLookup {

    HolidaySource forSchedule(Schedule schedule, Map<String, HolidayCalendar> calendars);
}

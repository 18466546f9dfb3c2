package dev.offhours.core.source;

import dev.offhours.core.schedule.HolidayCalendar;
import java.util.Optional;

/** What one calendar file said: its name (for duplicate and reference checks) and, when valid, the calendar. */
record CalendarDraft(String path, Optional<Located<String>> name, Optional<HolidayCalendar> calendar) {
}

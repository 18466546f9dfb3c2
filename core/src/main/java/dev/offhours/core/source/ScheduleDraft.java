package dev.offhours.core.source;

import dev.offhours.core.schedule.Schedule;
import java.util.List;
import java.util.Optional;

/**
 * What one schedule file said, kept for the checks across files: its name and the calendars and accounts it
 * refers to, with their nodes. {@code schedule} is present when the file itself had no problem.
 */
record ScheduleDraft(String path, Optional<Located<String>> name, List<Located<String>> calendars,
        List<Located<String>> accounts, Optional<Schedule> schedule) {
}

package dev.offhours.reconciler.cli;

import dev.offhours.core.calendar.HolidaySource;
import dev.offhours.core.calendar.HolidaySources;
import dev.offhours.core.plan.HolidayLookup;
import dev.offhours.core.schedule.HolidayCalendar;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.source.Problem;
import dev.offhours.core.source.RepositoryReadResult;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.core.source.SourceFile;
import dev.offhours.reconciler.repository.DirectoryRevisionReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and validates a schedules repository for the commands, and knows how a schedule's holidays are found. */
final class RepositoryLoader {

    /**
     * The holidays of a schedule. A schedule of an invalid base revision may name a calendar that could not be read;
     * it then goes without that calendar rather than failing the whole plan (the note about the base says why).
     */
    static final HolidayLookup HOLIDAYS =
            (schedule, calendars) -> HolidaySources.forSchedule(withKnownCalendars(schedule, calendars), calendars);

    private RepositoryLoader() {
    }

    private static Schedule withKnownCalendars(Schedule s, Map<String, HolidayCalendar> calendars) {
        if (calendars.keySet().containsAll(s.calendars())) {
            return s;
        }
        List<String> known = s.calendars().stream().filter(calendars::containsKey).toList();
        return new Schedule(s.name(), s.owner(), s.description(), s.timeZone(), s.awake(), known, s.sleepOn(),
                s.keepAwake(), s.suspend(), s.enforce(), s.scope(), s.asleep(), s.file());
    }

    /** A checked-out schedules repository, with what is missing from its layout among the problems. */
    static RepositoryReadResult readDirectory(Path dir) {
        List<SourceFile> files = new DirectoryRevisionReader().read(dir);
        return withProblems(read(files), RepositoryLayout.ofDirectory(dir));
    }

    /** A revision read from Git that must be a schedules repository (a plan's head). */
    static RepositoryReadResult readRevision(Collection<SourceFile> files, String where) {
        List<Problem> layout = RepositoryLayout.ofFiles(files, where);
        return withProblems(read(files), layout);
    }

    private static RepositoryReadResult withProblems(RepositoryReadResult result, List<Problem> more) {
        if (more.isEmpty()) {
            return result;
        }
        List<Problem> all = new java.util.ArrayList<>(result.problems());
        all.addAll(more);
        return new RepositoryReadResult(result.catalog(), all);
    }

    static RepositoryReadResult read(Collection<SourceFile> files) {
        return new RepositoryReader().read(files);
    }

    static HolidaySource holidaysOf(Schedule schedule, RepositoryReadResult result) {
        return HOLIDAYS.forSchedule(schedule, result.catalog().calendars());
    }

    static void printProblems(RepositoryReadResult result, PrintStream out) {
        result.problems().forEach(problem -> out.println(problem));
    }

    static String countProblems(Collection<Problem> problems) {
        long files = problems.stream().map(Problem::path).distinct().count();
        return Plural.of(problems.size(), "problem") + " in " + Plural.of(files, "file");
    }

    static Optional<Schedule> schedule(RepositoryReadResult result, String name) {
        return result.catalog().schedule(name);
    }
}

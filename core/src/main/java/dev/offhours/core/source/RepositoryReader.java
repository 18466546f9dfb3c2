package dev.offhours.core.source;

import dev.offhours.core.calendar.PublicHolidays;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.schedule.HolidayCalendar;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates a whole schedules repository revision: {@code schedules/<team>/<name>.yaml} ({@code kind:
 * Schedule}), {@code calendars/<name>.yaml} ({@code kind: Calendar}) and {@code accounts.yaml} ({@code kind:
 * AccountRegistry}); other files are ignored. Collects every problem of every file; never stops at the first, and a
 * broken file does not hide the problems of others. Thread-safe and reusable: create one and keep it.
 */
public final class RepositoryReader {

    private final SafeYaml yaml = new SafeYaml();
    private final PublicHolidays publicHolidays;

    public RepositoryReader() {
        this(PublicHolidays.shared());
    }

    RepositoryReader(PublicHolidays publicHolidays) {
        this.publicHolidays = publicHolidays;
    }

    public RepositoryReadResult read(Collection<SourceFile> files) {
        List<SourceFile> sorted = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
        List<Problem> problems = new ArrayList<>();
        List<ScheduleDraft> schedules = new ArrayList<>();
        List<CalendarDraft> calendars = new ArrayList<>();
        AccountsFileReader.Draft accounts = new AccountsFileReader.Draft(Optional.of(AccountRegistry.EMPTY),
                AccountRegistry.EMPTY);
        // Schedule files are nearly all of a repository and independent of each other: read them on every core,
        // each into its own problem list, and keep the sorted order when merging.
        for (ScheduleFile read : sorted.parallelStream()
                .filter(file -> FileKind.of(file.path()) == FileKind.SCHEDULE)
                .map(this::readSchedule)
                .toList()) {
            problems.addAll(read.problems());
            read.draft().ifPresent(schedules::add);
        }
        for (SourceFile file : sorted) {
            FileProblems fileProblems = new FileProblems(file.path(), problems);
            if (file.refusal() != null) {
                if (FileKind.of(file.path()) != FileKind.SCHEDULE) {
                    fileProblems.wholeFile(file.refusal());
                }
                continue;
            }
            switch (FileKind.of(file.path())) {
                case SCHEDULE -> { }
                case CALENDAR -> parse(file, fileProblems).ifPresent(root ->
                        calendars.add(CalendarFileReader.read(root, fileProblems, publicHolidays)));
                case ACCOUNTS -> accounts = parse(file, fileProblems)
                        .map(root -> AccountsFileReader.read(root, fileProblems))
                        .orElse(new AccountsFileReader.Draft(Optional.empty(), AccountRegistry.EMPTY));
                case MISPLACED_SCHEDULE -> fileProblems.wholeFile("schedule files belong in a team folder: move it to"
                        + " schedules/<team>/" + DocumentHeader.fileName(file.path()) + ".yaml");
                case MISPLACED_CALENDAR -> fileProblems.wholeFile("calendar files belong directly in calendars/: move"
                        + " it to calendars/" + DocumentHeader.fileName(file.path()) + ".yaml");
                case IGNORED -> { }
            }
        }
        crossCheck(schedules, calendars, accounts, problems);
        return new RepositoryReadResult(catalog(schedules, calendars, accounts), problems);
    }

    private record ScheduleFile(Optional<ScheduleDraft> draft, List<Problem> problems) {
    }

    private ScheduleFile readSchedule(SourceFile file) {
        FileProblems fileProblems = new FileProblems(file.path());
        if (file.refusal() != null) {
            fileProblems.wholeFile(file.refusal());
            return new ScheduleFile(Optional.empty(), fileProblems.list());
        }
        Optional<ScheduleDraft> draft = parse(file, fileProblems)
                .map(root -> ScheduleFileReader.read(root, fileProblems));
        return new ScheduleFile(draft, fileProblems.list());
    }

    private Optional<Node> parse(SourceFile file, FileProblems problems) {
        return yaml.parse(file.content(), problems);
    }

    private static void crossCheck(List<ScheduleDraft> schedules, List<CalendarDraft> calendars,
            AccountsFileReader.Draft accounts, List<Problem> problems) {
        CrossFileChecks checks = new CrossFileChecks(problems);
        checks.uniqueNames("schedule", schedules.stream().map(ScheduleDraft::path).toList(),
                schedules.stream().map(ScheduleDraft::name).toList());
        checks.uniqueNames("calendar", calendars.stream().map(CalendarDraft::path).toList(),
                calendars.stream().map(CalendarDraft::name).toList());
        Set<String> calendarNames = new HashSet<>();
        calendars.forEach(c -> c.name().ifPresent(n -> calendarNames.add(n.value())));
        for (ScheduleDraft schedule : schedules) {
            checks.calendarsExist(schedule, calendarNames);
            checks.accountsExist(schedule, accounts.known());
        }
    }

    private static ScheduleCatalog catalog(List<ScheduleDraft> schedules, List<CalendarDraft> calendars,
            AccountsFileReader.Draft accounts) {
        Map<String, Schedule> byName = new LinkedHashMap<>();
        schedules.forEach(d -> d.schedule().ifPresent(s -> byName.putIfAbsent(s.name(), s)));
        Map<String, HolidayCalendar> calendarsByName = new LinkedHashMap<>();
        calendars.forEach(d -> d.calendar().ifPresent(c -> calendarsByName.putIfAbsent(c.name(), c)));
        return ScheduleCatalog.of(byName, calendarsByName, accounts.registry().orElse(accounts.known()));
    }
}

package dev.offhours.reconciler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.source.Problem;
import dev.offhours.core.source.RepositoryReadResult;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.time.StateInterval;
import dev.offhours.core.time.Timeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code describe NAME --repo DIR --from DATE --to DATE}: the awake and asleep intervals of one schedule over
 * [{@code from} 00:00 local, {@code to} 24:00 local), as a table (local time and UTC) or as JSON.
 */
public final class DescribeCommand extends OffhoursCommand {

    public DescribeCommand(CliContext context) {
        super("describe", "Show when one schedule is awake and asleep over a range of dates", context);
    }

    @Override
    protected void addArguments(Subparser subparser) {
        subparser.addArgument("name").metavar("NAME").help("the schedule's metadata.name");
        subparser.addArgument("--repo").metavar("DIR").required(true).help("root of the schedules repository");
        subparser.addArgument("--from").metavar("DATE").required(true).help("first local date, e.g. 2026-03-28");
        subparser.addArgument("--to").metavar("DATE").required(true)
                .help("last local date, included, e.g. 2026-04-03");
        subparser.addArgument("--format").choices("text", "json").setDefault("text").help("output format");
    }

    @Override
    protected void execute(Namespace namespace) throws JsonProcessingException {
        String name = namespace.getString("name");
        String dir = namespace.getString("repo");
        LocalDate from = date(namespace.getString("from"), "--from");
        LocalDate to = date(namespace.getString("to"), "--to");
        if (to.isBefore(from)) {
            throw CommandFailure.usage("--to " + to + " is before --from " + from
                    + "; give a last date on or after the first (--to is included).");
        }
        RepositoryReadResult result = RepositoryLoader.readDirectory(Path.of(dir));
        Schedule schedule = RepositoryLoader.schedule(result, name).orElseThrow(() -> unknown(name, dir, result));
        // A broken file elsewhere (another team's typo) does not change this schedule: describe it, and say so.
        ScheduleProblems problems = ScheduleProblems.of(schedule, result.problems());
        if (!problems.own().isEmpty()) {
            problems.own().forEach(context.err()::println);
            throw cannotDescribe(name, problems.own());
        }
        ZoneId zone = schedule.timeZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<StateInterval> intervals =
                Timeline.of(schedule, RepositoryLoader.holidaysOf(schedule, result)).intervals(start, end);
        if ("json".equals(namespace.getString("format"))) {
            context.out().print(CliJson.write(json(schedule, from, to, intervals)));
        } else {
            printTable(schedule, from, to, intervals);
        }
        if (!problems.others().isEmpty()) {
            context.err().println("offhours describe: note: " + dir + " has "
                    + RepositoryLoader.countProblems(problems.others()) + " that " + name + " does not use; "
                    + "offhours validate " + dir + " lists them. The hub applies no revision with problems.");
        }
    }

    private static LocalDate date(String value, String option) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw CommandFailure.usage(option + " must be a date like 2026-03-29, not '" + value + "'.");
        }
    }

    private static CommandFailure cannotDescribe(String name, List<Problem> own) {
        return CommandFailure.invalid(name + " cannot be described: its file or what it uses has "
                + RepositoryLoader.countProblems(own) + " (listed above).");
    }

    private CommandFailure unknown(String name, String dir, RepositoryReadResult result) {
        List<Problem> own = ScheduleProblems.ofUnread(name, result.problems());
        if (!own.isEmpty()) {
            own.forEach(context.err()::println);
            return cannotDescribe(name, own);
        }
        if (!result.valid()) {
            // the schedule may be in one of the files that could not be read
            RepositoryLoader.printProblems(result, context.err());
            return CommandFailure.invalid("no readable schedule named '" + name + "' in " + dir + "; it has "
                    + RepositoryLoader.countProblems(result.problems()) + " (listed above), perhaps in its file.");
        }
        return CommandFailure.usage("no schedule named '" + name + "' in " + dir + "; the schedules are: "
                + String.join(", ", result.catalog().schedules().keySet()) + ".");
    }

    static Map<String, Object> json(Schedule schedule, LocalDate from, LocalDate to, List<StateInterval> intervals) {
        ZoneId zone = schedule.timeZone();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schedule", schedule.name());
        root.put("timeZone", zone.getId());
        root.put("suspended", schedule.suspend());
        if (!schedule.warmUp().isZero()) {
            root.put("warmUpMinutes", schedule.warmUp().toMinutes());
        }
        root.put("from", from.toString());
        root.put("to", to.toString());
        root.put("awakeMinutes", awake(intervals).toMinutes());
        root.put("totalMinutes", total(from, to, zone).toMinutes());
        root.put("intervals", intervals.stream().map(i -> {
            Map<String, Object> interval = new LinkedHashMap<>();
            interval.put("state", i.state().name());
            if (i.state() == PowerState.AWAKE) {
                interval.put("capacityPercent", i.capacityPercent());
            }
            interval.put("from", TimeFormats.iso(i.from(), zone));
            interval.put("to", TimeFormats.iso(i.to(), zone));
            return interval;
        }).toList());
        return root;
    }

    private void printTable(Schedule schedule, LocalDate from, LocalDate to, List<StateInterval> intervals) {
        ZoneId zone = schedule.timeZone();
        context.out().printf(Locale.ROOT, "%s (%s), %s to %s%n", schedule.name(), zone.getId(), from, to);
        if (schedule.suspend()) {
            context.out().println("suspended (spec.suspend: true): offhours takes no action on its targets, which stay"
                    + " as they are; the rows show what it would do without suspend.");
        }
        if (!schedule.warmUp().isZero()) {
            context.out().printf(Locale.ROOT, "warm-up %s: wake-ups and upward resizes start that long before their"
                    + " periods (included in the rows)%n", TimeFormats.duration(schedule.warmUp()));
        }
        // the capacity column only when some period runs below full capacity, so v1 schedules print as before
        boolean reduced = schedule.awake().stream().anyMatch(p -> p.capacityPercent() < AwakePeriod.FULL);
        String row = "%-7s %-27s %-27s %-17s %-17s %7s" + (reduced ? " %8s" : "%s") + "%n";
        context.out().printf(Locale.ROOT, row, "STATE", "FROM (local)", "TO (local)", "FROM (UTC)", "TO (UTC)",
                "HOURS", reduced ? "CAPACITY" : "");
        for (StateInterval i : intervals) {
            String capacity = !reduced ? "" : i.state() == PowerState.AWAKE ? i.capacityPercent() + "%" : "-";
            context.out().printf(Locale.ROOT, row, i.state(), TimeFormats.local(i.from(), zone),
                    TimeFormats.local(i.to(), zone), TimeFormats.utc(i.from()), TimeFormats.utc(i.to()),
                    TimeFormats.hours(Duration.between(i.from(), i.to())), capacity);
        }
        context.out().printf(Locale.ROOT, "awake %s hours of %s%n", TimeFormats.hours(awake(intervals)),
                TimeFormats.hours(total(from, to, zone)));
    }

    private static Duration awake(List<StateInterval> intervals) {
        return intervals.stream().filter(i -> i.state() == PowerState.AWAKE)
                .map(i -> Duration.between(i.from(), i.to())).reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration total(LocalDate from, LocalDate to, ZoneId zone) {
        return Duration.between(from.atStartOfDay(zone), to.plusDays(1).atStartOfDay(zone));
    }
}

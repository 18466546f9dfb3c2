package dev.offhours.reconciler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.offhours.core.schedule.Schedule;
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
        if (!result.valid()) {
            RepositoryLoader.printProblems(result, context.err());
            throw CommandFailure.invalid(dir + " is not a valid schedules repository ("
                    + RepositoryLoader.countProblems(result.problems()) + ", listed above); describe needs a valid "
                    + "one.");
        }
        Schedule schedule = RepositoryLoader.schedule(result, name).orElseThrow(() -> unknown(name, dir, result));
        ZoneId zone = schedule.timeZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<StateInterval> intervals =
                Timeline.of(schedule, RepositoryLoader.holidaysOf(schedule, result)).intervals(start, end);
        if ("json".equals(namespace.getString("format"))) {
            context.out().print(CliJson.write(json(schedule, intervals)));
        } else {
            printTable(schedule, from, to, intervals);
        }
    }

    private static LocalDate date(String value, String option) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw CommandFailure.usage(option + " must be a date like 2026-03-29, not '" + value + "'.");
        }
    }

    private static CommandFailure unknown(String name, String dir, RepositoryReadResult result) {
        return CommandFailure.usage("no schedule named '" + name + "' in " + dir + "; the schedules are: "
                + String.join(", ", result.catalog().schedules().keySet()) + ".");
    }

    static Map<String, Object> json(Schedule schedule, List<StateInterval> intervals) {
        ZoneId zone = schedule.timeZone();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schedule", schedule.name());
        root.put("timeZone", zone.getId());
        root.put("intervals", intervals.stream().map(i -> {
            Map<String, Object> interval = new LinkedHashMap<>();
            interval.put("state", i.state().name());
            interval.put("from", TimeFormats.iso(i.from(), zone));
            interval.put("to", TimeFormats.iso(i.to(), zone));
            return interval;
        }).toList());
        return root;
    }

    private void printTable(Schedule schedule, LocalDate from, LocalDate to, List<StateInterval> intervals) {
        ZoneId zone = schedule.timeZone();
        context.out().printf(Locale.ROOT, "%s (%s), %s to %s%n", schedule.name(), zone.getId(), from, to);
        String row = "%-7s %-27s %-27s %-17s %-17s %7s%n";
        context.out().printf(Locale.ROOT, row, "STATE", "FROM (local)", "TO (local)", "FROM (UTC)", "TO (UTC)",
                "HOURS");
        Duration awake = Duration.ZERO;
        for (StateInterval i : intervals) {
            Duration length = Duration.between(i.from(), i.to());
            context.out().printf(Locale.ROOT, row, i.state(), TimeFormats.local(i.from(), zone),
                    TimeFormats.local(i.to(), zone), TimeFormats.utc(i.from()), TimeFormats.utc(i.to()),
                    TimeFormats.hours(length));
            if (i.state() == PowerState.AWAKE) {
                awake = awake.plus(length);
            }
        }
        context.out().printf(Locale.ROOT, "awake %s hours of %s%n", TimeFormats.hours(awake),
                TimeFormats.hours(Duration.between(from.atStartOfDay(zone), to.plusDays(1).atStartOfDay(zone))));
    }
}

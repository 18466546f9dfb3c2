package dev.offhours.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** The options of {@code demo}. */
record DemoSettings(int targets, int accounts, Duration sleepIn, Duration wakeAfter, boolean exitAfterWake,
                    Path dataDirectory, Optional<Path> template, int port, int adminPort) {

    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("'run-'yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    DemoSettings {
        if (targets < 1 || targets > 20_000) {
            throw new IllegalArgumentException("--targets must be between 1 and 20000, but was " + targets);
        }
        if (accounts < 1 || accounts > 1000) {
            throw new IllegalArgumentException("--accounts must be between 1 and 1000, but was " + accounts);
        }
        if (sleepIn.isNegative() || sleepIn.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("--sleep-in must be between 0s and 1h, but was " + sleepIn);
        }
        if (wakeAfter.compareTo(Duration.ofSeconds(1)) < 0 || wakeAfter.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("--wake-after must be between 1s and 12h, but was " + wakeAfter);
        }
    }

    static void addArguments(Subparser parser) {
        parser.addArgument("--targets").type(Integer.class).setDefault(240).metavar("N")
                .help("simulated ASGs and node groups tagged for the demo schedule");
        parser.addArgument("--accounts").type(Integer.class).setDefault(24).metavar("N")
                .help("simulated spoke accounts they are spread over");
        parser.addArgument("--sleep-in").setDefault("60s").metavar("DURATION")
                .help("the fleet falls asleep this long from now, rounded up to a whole minute");
        parser.addArgument("--wake-after").setDefault("90s").metavar("DURATION")
                .help("and wakes this long after falling asleep, rounded up to a whole minute");
        parser.addArgument("--exit-after-wake").action(net.sourceforge.argparse4j.impl.Arguments.storeTrue())
                .help("stop once the wake is done (exit 0 only if every target slept and woke)");
        parser.addArgument("--data-dir").metavar("DIR")
                .help("where the demo keeps its store, Git repositories and log (default ./offhours-demo/run-<time>)");
        parser.addArgument("--template").metavar("DIR")
                .help("the schedules-repo-template folder (default: found from here or beside the jar)");
        parser.addArgument("--port").type(Integer.class).setDefault(0).metavar("PORT")
                .help("application port; 0 picks a free one");
        parser.addArgument("--admin-port").type(Integer.class).setDefault(0).metavar("PORT")
                .help("admin port; 0 picks a free one");
    }

    static DemoSettings of(Namespace namespace, Instant now) {
        String dataDir = namespace.getString("data_dir");
        String template = namespace.getString("template");
        return new DemoSettings(namespace.getInt("targets"), namespace.getInt("accounts"),
                duration(namespace.getString("sleep_in"), "--sleep-in"),
                duration(namespace.getString("wake_after"), "--wake-after"),
                Boolean.TRUE.equals(namespace.getBoolean("exit_after_wake")),
                dataDir != null ? Path.of(dataDir) : Path.of("offhours-demo", RUN_NAME.format(now)),
                Optional.ofNullable(template).map(Path::of), namespace.getInt("port"), namespace.getInt("admin_port"));
    }

    private static Duration duration(String text, String option) {
        try {
            return Duration.ofMillis(io.dropwizard.util.Duration.parse(text.trim()).toMilliseconds());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " must be a duration such as 90s, 2m or 1 minute, but was '"
                    + text + "'");
        }
    }
}

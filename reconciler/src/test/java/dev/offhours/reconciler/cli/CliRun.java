package dev.offhours.reconciler.cli;

import dev.offhours.reconciler.OffhoursApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Runs the offhours command line in-process, the way {@code java -jar offhours.jar ...} would, and captures it. */
record CliRun(int exitCode, String out, String err) {

    static final Path TEMPLATE = Path.of("..", "schedules-repo-template");
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-27T11:00:00Z"), ZoneOffset.UTC);

    static CliRun run(String... arguments) {
        return run(FIXED, arguments);
    }

    static CliRun run(Clock clock, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = new OffhoursApplication(clock, o, e).execute(arguments);
        }
        return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> outLines() {
        return out.lines().toList();
    }
}

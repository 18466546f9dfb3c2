package dev.offhours.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.offhours.core.calendar.HolidaySources;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.source.Problem;
import dev.offhours.core.source.RepositoryReadResult;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.core.source.SourceFile;
import dev.offhours.core.time.Timeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Measures the schedule language on a repository of 5,000 generated schedules: how long reading and validating the
 * whole repository takes (the goal is under 2 seconds), and how many transitions per second the time calculus
 * computes for a year of every schedule. Then the same for a repository where a third of the schedules use the newer
 * parts of the language ({@link MonthlyShapes}: nth weekdays, days of the month, months, reduced capacity, warm-up,
 * date ranges), printed with the prefix {@code mixed_}, and the ratios of the two (goal: at most 1.5). Prints
 * {@code name: value} lines. Fails (non-zero exit) when the generated
 * repository is not valid, so it never measures the error path.
 *
 * <p>Usage: {@code ScheduleLanguageBenchmark [--schedules N] [--rounds N] [--write DIR]}; {@code --write} also puts the
 * generated repositories on disk (DIR/v1 and DIR/mixed) for a look or for {@code offhours validate DIR}.
 */
public final class ScheduleLanguageBenchmark {

    private static final long SEED = 20261127L;
    private static final long VALIDATE_GOAL_MS = 2000;
    private static final int WARM_UP_ROUNDS = 2;
    private static final Instant YEAR_START = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant YEAR_END = Instant.parse("2028-01-01T00:00:00Z");

    /** A third of the schedules of the mixed repository use the newer parts of the language. */
    private static final int MONTHLY_EVERY = 3;
    private static final double MIXED_GOAL_RATIO = 1.5;

    private final int schedules;
    private final int rounds;
    private final List<SourceFile> files;
    /** Names of the printed figures start with it: "" for the v1-only repository, "mixed_" for the other. */
    private final String prefix;

    private ScheduleLanguageBenchmark(int schedules, int rounds, int monthlyEvery, String prefix) {
        this.schedules = schedules;
        this.rounds = rounds;
        this.files = new ScheduleRepositoryGenerator(SEED, monthlyEvery).generate(schedules);
        this.prefix = prefix;
    }

    /** The figures of one repository that the mixed one is compared with. */
    private record Figures(double validateMs, double transitionsPerSecond) {
    }

    public static void main(String[] args) throws IOException {
        quietLogging();
        int schedules = intOption(args, "--schedules", 5000);
        int rounds = intOption(args, "--rounds", 5);
        ScheduleLanguageBenchmark v1 = new ScheduleLanguageBenchmark(schedules, rounds, 0, "");
        ScheduleLanguageBenchmark mixed = new ScheduleLanguageBenchmark(schedules, rounds, MONTHLY_EVERY, "mixed_");
        String writeTo = option(args, "--write");
        if (writeTo != null) {
            v1.write(Path.of(writeTo, "v1"));
            mixed.write(Path.of(writeTo, "mixed"));
        }
        Figures plain = v1.run();
        Figures monthly = mixed.run();
        // the goal: the newer selectors cost at most 1.5 times the v1 figures
        print("mixed_validate_ratio_to_v1", String.format("%.3f", monthly.validateMs() / plain.validateMs()));
        print("mixed_transitions_per_second_ratio_v1_to_mixed",
                String.format("%.3f", plain.transitionsPerSecond() / monthly.transitionsPerSecond()));
        print("mixed_goal_ratio", MIXED_GOAL_RATIO);
    }

    private Figures run() {
        RepositoryReadResult read = new RepositoryReader().read(files);
        requireValid(read, schedules);
        double validateMs = measureValidation();
        return new Figures(validateMs, measureTransitions(read.catalog()));
    }

    private double measureValidation() {
        // The first read of a one-schedule repository pays the fixed costs (class loading, holiday library rules);
        // the first read of the whole one adds JIT warm-up: together about what one `validate` process pays.
        List<SourceFile> small = new ArrayList<>(files.stream().filter(f -> !f.path().startsWith("schedules/")).toList());
        small.add(files.stream().filter(f -> f.path().startsWith("schedules/")).findFirst().orElseThrow());
        long smallNanos = time(() -> requireValid(new RepositoryReader().read(small), 1));

        long coldStart = System.nanoTime();
        requireValid(new RepositoryReader().read(files), schedules);
        long coldNanos = System.nanoTime() - coldStart;
        for (int i = 1; i < WARM_UP_ROUNDS; i++) {
            requireValid(new RepositoryReader().read(files), schedules);
        }
        long bestNanos = bestOf(() -> requireValid(new RepositoryReader().read(files), schedules));

        double bestMs = bestNanos / 1e6;
        figure("schedules", schedules);
        figure("files", files.size());
        figure("validate_first_small_repo_ms", String.format("%.1f", smallNanos / 1e6));
        figure("validate_first_full_repo_ms", String.format("%.1f", coldNanos / 1e6));
        figure("validate_total_ms", String.format("%.1f", bestMs));
        figure("validate_us_per_schedule", String.format("%.1f", bestNanos / 1e3 / schedules));
        figure("validate_goal_ms", VALIDATE_GOAL_MS);
        figure("validate_ratio_to_goal", String.format("%.3f", bestMs / VALIDATE_GOAL_MS));
        return bestMs;
    }

    private double measureTransitions(ScheduleCatalog catalog) {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            yearOfTransitions(catalog);
        }
        long transitions = yearOfTransitions(catalog);
        if (transitions == 0) {
            fail("the generated schedules produced no transitions in " + YEAR_START + ".." + YEAR_END);
        }
        long bestNanos = bestOf(() -> yearOfTransitions(catalog));
        double perSecond = transitions / (bestNanos / 1e9);
        figure("transitions_total", transitions);
        figure("transitions_ms", String.format("%.1f", bestNanos / 1e6));
        figure("transitions_per_second", String.format("%.0f", perSecond));
        return perSecond;
    }

    /** Every transition of {@code YEAR_START..YEAR_END} of every schedule, holidays of its calendars included. */
    private static long yearOfTransitions(ScheduleCatalog catalog) {
        long total = 0;
        for (Schedule schedule : catalog.schedules().values()) {
            Timeline timeline = Timeline.of(schedule, HolidaySources.forSchedule(schedule, catalog.calendars()));
            total += timeline.transitions(YEAR_START, YEAR_END).size();
        }
        return total;
    }

    /** The fastest of the measured rounds: the one least disturbed by GC and other processes on the machine. */
    private long bestOf(Runnable action) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            best = Math.min(best, time(action));
        }
        return best;
    }

    private static long time(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }

    private static RepositoryReadResult requireValid(RepositoryReadResult result, int expectedSchedules) {
        if (!result.valid()) {
            List<Problem> problems = result.problems();
            problems.stream().limit(20).forEach(System.err::println);
            fail("the generated repository is not valid (" + problems.size() + " problems); fix the generator");
        }
        int read = result.catalog().schedules().size();
        if (read != expectedSchedules) {
            fail("the reader returned " + read + " schedules, expected " + expectedSchedules);
        }
        return result;
    }

    private void write(Path root) throws IOException {
        for (SourceFile file : files) {
            Path path = root.resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.content());
        }
        System.err.println("wrote " + files.size() + " files to " + root.toAbsolutePath());
    }

    /** Ends the run with a non-zero status, whether started by {@code java} or by Maven's exec plugin. */
    private static void fail(String message) {
        throw new IllegalStateException("ScheduleLanguageBenchmark: " + message);
    }

    /** Without a logback configuration every library logs at DEBUG to standard output, which holds our results. */
    private static void quietLogging() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    }

    private void figure(String name, Object value) {
        print(prefix + name, value);
    }

    private static void print(String name, Object value) {
        System.out.println(name + ": " + value);
    }

    private static String option(String[] args, String name) {
        int index = Arrays.asList(args).indexOf(name);
        return index >= 0 && index + 1 < args.length ? args[index + 1] : null;
    }

    private static int intOption(String[] args, String name, int fallback) {
        String value = option(args, name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}

package dev.offhours.bench.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.offhours.bench.FuzzTargets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.LoggerFactory;

/**
 * Feeds mutated inputs to a {@link FuzzTarget} for a while: each input must get a clean answer within
 * {@link #HANG}, else it is a crash (the exception's type and first offhours frame, or "hang"). Inputs that were
 * answered join the corpus, so mutations build on each other. Usage:
 * {@code FuzzCampaign [SECONDS_PER_TARGET] [SEED]}; prints {@code fuzz.<target>.inputs|crashes|slowestMillis}.
 */
public final class FuzzCampaign {

    /** An input that takes longer than this counts as a hang. */
    static final Duration HANG = Duration.ofSeconds(5);
    private static final int CORPUS_LIMIT = 2_000;

    private FuzzCampaign() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261206L;
        quietLogging();
        long inputs = 0;
        int crashes = 0;
        double slowest = 0;
        try (FuzzTargets targets = FuzzTargets.open()) {
            for (FuzzTarget target : targets.all()) {
                FuzzReport report = run(target, Duration.ofSeconds(seconds), seed);
                report.print();
                inputs += report.inputs();
                crashes += report.crashes().size();
                slowest = Math.max(slowest, report.slowestMillis());
            }
        }
        System.out.printf("fuzz.inputs: %d%nfuzz.distinctCrashes: %d%nfuzz.slowestMillis: %.1f%n", inputs, crashes,
                slowest);
        if (crashes > 0) {
            throw new IllegalStateException(crashes + " distinct crashes: see fuzz.<surface>.crash above");
        }
    }

    /** Refusals are logged at WARN, millions of them: only errors are worth printing during a campaign. */
    public static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.ERROR);
        }
    }

    /** Runs one target for {@code budget}, reproducibly for a seed. */
    public static FuzzReport run(FuzzTarget target, Duration budget, long seed) {
        Mutator mutator = new Mutator(seed ^ target.name().hashCode());
        List<String> corpus = new ArrayList<>(target.seeds());
        Map<String, String> crashes = new LinkedHashMap<>();
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fuzz-" + target.name());
            thread.setDaemon(true); // a hung input must not keep the JVM alive
            return thread;
        });
        long inputs = 0;
        double slowest = 0;
        String slowestInput = "";
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            for (String seedInput : target.seeds()) {
                double millis = once(target, seedInput, runner, crashes);
                inputs++;
                if (millis > slowest) {
                    slowest = millis;
                    slowestInput = seedInput;
                }
            }
            while (System.nanoTime() < deadline) {
                String input = mutator.mutate(corpus.get(mutator.nextInt(corpus.size())), corpus);
                int before = crashes.size();
                double millis = once(target, input, runner, crashes);
                inputs++;
                if (millis > slowest) {
                    slowest = millis;
                    slowestInput = input;
                }
                if (crashes.size() == before && millis >= 0) {
                    if (corpus.size() < CORPUS_LIMIT) {
                        corpus.add(input);
                    } else {
                        corpus.set(mutator.nextInt(CORPUS_LIMIT), input);
                    }
                }
                if (millis < 0) {
                    // the hung thread is abandoned: carry on with a fresh one
                    runner.shutdownNow();
                    runner = Executors.newSingleThreadExecutor(r -> {
                        Thread thread = new Thread(r, "fuzz-" + target.name());
                        thread.setDaemon(true);
                        return thread;
                    });
                }
            }
        } finally {
            runner.shutdownNow();
        }
        return new FuzzReport(target.name(), inputs, crashes, slowest, slowestInput);
    }

    /** The input's time in milliseconds, or -1 for a hang; a crash is recorded under its signature. */
    private static double once(FuzzTarget target, String input, ExecutorService runner, Map<String, String> crashes) {
        long started = System.nanoTime();
        Future<?> run = runner.submit(() -> {
            target.exercise(input);
            return null;
        });
        try {
            run.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            crashes.putIfAbsent("hang over " + HANG.toSeconds() + " s", input);
            return -1;
        } catch (ExecutionException e) {
            crashes.putIfAbsent(signature(e.getCause()), input);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the campaign was interrupted", e);
        }
        return (System.nanoTime() - started) / 1e6;
    }

    static String signature(Throwable crash) {
        String where = "";
        for (StackTraceElement frame : crash.getStackTrace()) {
            if (frame.getClassName().startsWith("dev.offhours") && !frame.getClassName().contains(".fuzz.")) {
                where = " at " + frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber();
                break;
            }
        }
        String message = crash instanceof AssertionError ? ": " + crash.getMessage() : "";
        return crash.getClass().getName() + message + where;
    }
}

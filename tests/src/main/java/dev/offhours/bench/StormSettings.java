package dev.offhours.bench;

import dev.offhours.worker.runtime.PoolSettings;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The window storm's parameters, from system properties (Maven passes {@code -Dname=value} through):
 * {@code storm.accounts} (500; 2 regions x 10 targets each, so 5,000 is the 100,000-target run),
 * {@code storm.inFlight} (one value or a list to sweep; default 50 and the pool's default, so the 50-in-flight
 * contender always runs beside the default), {@code storm.modes} ({@code service,lambda}),
 * {@code storm.contenders} ({@code offhours,naive}; naive runs in service mode only), {@code storm.lambdaBatch}
 * (the event source mapping's batch size, 10), {@code storm.lambdaEnvironments} (the mapping's maximum
 * concurrency, 50), {@code storm.warmup} (true) and {@code storm.growth} (false; true runs the service storm at
 * {@code storm.accounts} and at ten times as many and prints how the cost grew).
 *
 * @param scale time scale of the simulated fleet (1 = real time)
 */
record StormSettings(double scale, int accounts, List<Integer> inFlights, Set<String> modes, Set<String> contenders,
                     int lambdaBatch, int lambdaEnvironments, boolean warmup, boolean growth) {

    /** The contender of the baseline: the worker with 50 messages in flight. */
    static final int BASELINE_IN_FLIGHT = 50;
    static final int WARMUP_ACCOUNTS = 100;

    static StormSettings fromSystemProperties(double scale) {
        String inFlight = System.getProperty("storm.inFlight");
        List<Integer> inFlights = inFlight == null
                ? List.copyOf(new LinkedHashSet<>(List.of(BASELINE_IN_FLIGHT, PoolSettings.DEFAULT_MAX_IN_FLIGHT)))
                : list(inFlight).stream().map(value -> positive("storm.inFlight", value)).distinct().toList();
        return new StormSettings(scale,
                positive("storm.accounts", System.getProperty("storm.accounts", "500")),
                inFlights,
                Set.copyOf(list(System.getProperty("storm.modes", "service,lambda"))),
                Set.copyOf(list(System.getProperty("storm.contenders", "offhours,naive"))),
                positive("storm.lambdaBatch", System.getProperty("storm.lambdaBatch", "10")),
                positive("storm.lambdaEnvironments", System.getProperty("storm.lambdaEnvironments", "50")),
                Boolean.parseBoolean(System.getProperty("storm.warmup", "true")),
                Boolean.parseBoolean(System.getProperty("storm.growth", "false")));
    }

    /**
     * The discarded first runs: 2,000 targets, enough for the JIT to compile what a storm runs, and at most a tenth
     * of real time, as they only need to run the same code.
     */
    StormSettings forWarmUp() {
        return new StormSettings(Math.min(scale, 0.1), WARMUP_ACCOUNTS, inFlights, modes, contenders, lambdaBatch,
                lambdaEnvironments, warmup, growth);
    }

    StormSettings withAccounts(int value) {
        return new StormSettings(scale, value, inFlights, modes, contenders, lambdaBatch, lambdaEnvironments, warmup,
                growth);
    }

    /** Gives up waiting for the last record after 20 real minutes per 10,000 targets. */
    long giveUpNanos(int targets) {
        return 20L * 60 * 1_000_000_000L * Math.max(1, (targets + 9_999) / 10_000);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }

    private static int positive(String property, String value) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the property's name
        }
        throw new IllegalArgumentException("-D" + property + " must be a whole number of at least 1, got '" + value
                + "'");
    }
}

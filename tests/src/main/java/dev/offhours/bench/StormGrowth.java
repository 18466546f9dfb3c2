package dev.offhours.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How the cost of a storm grows with the work: offhours in service mode (at the largest in-flight value asked
 * for) at {@code storm.accounts} and at ten times as many, in one process. Per storm, each ratio compares the
 * cost per target at 10x with the cost per target at 1x: CPU seconds, wall time, and heap growth (peak minus the
 * heap in use before the storm). Within 0.8-1.25 the growth is called linear.
 *
 * @param figures both runs' figures, the implementation named with its accounts
 * @param lines   the {@code growth.*} lines to print
 */
record StormGrowth(List<StormFigures> figures, List<String> lines) {

    static final int FACTOR = 10;

    static StormGrowth measure(StormRun run, StormSettings settings) throws InterruptedException {
        int inFlight = Collections.max(settings.inFlights());
        List<StormFigures> small = atAccounts(run, settings, settings.accounts(), inFlight);
        List<StormFigures> large = atAccounts(run, settings, settings.accounts() * FACTOR, inFlight);
        List<String> lines = new ArrayList<>();
        lines.add("growth.accounts: " + settings.accounts() + " -> " + settings.accounts() * FACTOR);
        for (int i = 0; i < small.size(); i++) {
            String storm = small.get(i).storm();
            ratio(lines, storm, "cpu_ratio", value(large.get(i), "cpu_s_per_1000_targets")
                    / value(small.get(i), "cpu_s_per_1000_targets"));
            ratio(lines, storm, "wall_ratio", value(large.get(i), "wall_time_s")
                    / (FACTOR * value(small.get(i), "wall_time_s")));
            ratio(lines, storm, "heap_ratio", value(large.get(i), "heap_growth_mb")
                    / (FACTOR * value(small.get(i), "heap_growth_mb")));
        }
        List<StormFigures> all = new ArrayList<>(small);
        all.addAll(large);
        return new StormGrowth(all, lines);
    }

    private static List<StormFigures> atAccounts(StormRun run, StormSettings settings, int accounts, int inFlight)
            throws InterruptedException {
        StormFleet fleet = StormFleet.of(accounts, settings.scale());
        Contender contender = Contender.offhours(fleet, settings.scale(), inFlight);
        String name = contender.name() + "-accounts-" + accounts;
        return run.sleepThenWake(name, fleet, contender.counters(), new ServiceMode(contender));
    }

    private static void ratio(List<String> lines, String storm, String name, double ratio) {
        String verdict = ratio < 0.8 ? "sublinear" : ratio > 1.25 ? "superlinear" : "linear";
        lines.add(String.format(Locale.ROOT, "growth.%s.%s: %.3f (%s)", storm, name, ratio, verdict));
    }

    private static double value(StormFigures figures, String name) {
        return Double.parseDouble(figures.values().get(name));
    }
}

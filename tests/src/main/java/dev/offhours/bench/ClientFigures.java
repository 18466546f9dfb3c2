package dev.offhours.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One client's figures over its runs (a fresh JVM per concurrency level): a level's figures as that run printed them,
 * and the figures every run prints once merged: the cold first call as the median of the runs (each run's JVM is
 * cold), costs (threads, heap, resident set) as their maximum, connections as their sum, text as the first run's.
 */
final class ClientFigures {

    private final Map<String, String> levels = new LinkedHashMap<>();
    private final Map<String, List<String>> perRun = new LinkedHashMap<>();

    void add(String name, String value) {
        if (name.matches("c[0-9]+\\..*")) {
            levels.put(name, value);
        } else {
            perRun.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    /** Every figure by name, the per-run ones merged. */
    Map<String, String> merged() {
        Map<String, String> all = new LinkedHashMap<>();
        perRun.forEach((name, values) -> all.put(name, merge(name, values)));
        if (perRun.containsKey("first_call_ms")) {
            all.put("first_call_ms_runs", String.join(", ", perRun.get("first_call_ms")));
        }
        all.putAll(levels);
        return all;
    }

    private static String merge(String name, List<String> values) {
        if (!values.stream().allMatch(v -> v.matches("-?[0-9]+(\\.[0-9]+)?"))) {
            return values.get(0);
        }
        List<Double> numbers = values.stream().map(Double::parseDouble).sorted().toList();
        double merged;
        if (name.startsWith("first_call_ms") || name.startsWith("build_ms")) {
            merged = numbers.get(numbers.size() / 2);
        } else if (name.startsWith("connections_")) {
            merged = numbers.stream().mapToDouble(Double::doubleValue).sum();
        } else {
            merged = numbers.get(numbers.size() - 1);
        }
        return merged == Math.rint(merged) && !name.endsWith("_ms") && !name.endsWith("_mb")
                ? Long.toString((long) merged) : String.format(Locale.ROOT, "%.3f", merged);
    }
}

package dev.offhours.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One client's figures over its runs (a fresh JVM per concurrency level and repetition). A level's figures are the
 * best of its repetitions, figure by figure (the most calls per second, the least latency and CPU per call: on a
 * shared machine noise only ever makes a run slower), with the runs' calls per second and CPU beside them, the load
 * average as its maximum and errors as their sum. The figures every run prints once: the cold first call as the
 * median of the runs (each run's JVM is cold), costs (threads, heap, resident set) as their maximum, connections as
 * their sum, text as the first run's.
 */
final class ClientFigures {

    private final Map<String, List<String>> levels = new LinkedHashMap<>();
    private final Map<String, List<String>> perRun = new LinkedHashMap<>();

    void add(String name, String value) {
        (name.matches("c[0-9]+\\..*") ? levels : perRun).computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    /** Every figure by name, the per-run ones merged. */
    Map<String, String> merged() {
        Map<String, String> all = new LinkedHashMap<>();
        perRun.forEach((name, values) -> all.put(name, merge(name, values)));
        if (perRun.containsKey("first_call_ms")) {
            all.put("first_call_ms_runs", String.join(", ", perRun.get("first_call_ms")));
        }
        levels.forEach((name, values) -> {
            all.put(name, best(name, values));
            if (values.size() > 1 && (name.endsWith("calls_per_second") || name.endsWith("cpu_s_per_1000_calls"))) {
                all.put(name + "_runs", String.join(", ", values));
            }
        });
        return all;
    }

    private static String best(String name, List<String> values) {
        if (name.endsWith(".errors")) {
            return Long.toString(values.stream().mapToLong(v -> Long.parseLong(v.split(" ")[0])).sum())
                    + values.stream().filter(v -> v.contains(" ")).findFirst().map(v -> v.substring(v.indexOf(' ')))
                    .orElse("");
        }
        List<Double> numbers = values.stream().map(Double::parseDouble).sorted().toList();
        boolean higherIsBetter = name.endsWith("calls_per_second") || name.endsWith("load_1min")
                || name.contains("connections_");
        double chosen = higherIsBetter ? numbers.get(numbers.size() - 1) : numbers.get(0);
        return name.contains("connections_") ? Long.toString((long) chosen)
                : String.format(Locale.ROOT, "%.3f", chosen);
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

package dev.offhours.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;

/**
 * Which asynchronous transport the worker's spoke clients should use, from the figures of one run. CRT has to be
 * clearly better to be chosen, because it costs what Netty does not: a native library extracted and loaded at start
 * (one more thing that can fail on an image or a runtime, and a fault in it ends the JVM) and a jar of 23 MB
 * (natives for twelve platforms) beside Netty's 4 MB in the Lambda worker's package. Clearly means at every
 * concurrency level: CRT only when its native library loads here and it has more than {@link #MARGIN} more
 * throughput, or less CPU per call, at each level, without losing by as much on the other at any level. Netty
 * otherwise: when it wins that way, and when neither does, as the transport without a native library. A rule on an
 * average would let one level's large lead hide another level's small one. On a crowded machine every ratio moves
 * towards 1, so a lead near the margin can pass in one run and miss in the next: the figures say how near it is.
 *
 * @param chosen {@code netty} or {@code crt}
 * @param why    the figures that decided, as one sentence
 */
record HttpClientChoice(String chosen, String why) {

    static final double MARGIN = 0.20;

    /**
     * @param netty  the Netty run's figures by name (without prefix)
     * @param crt    the CRT run's figures, with {@code failed} when it could not run
     * @param levels the concurrency levels both ran
     */
    static HttpClientChoice decide(Map<String, String> netty, Map<String, String> crt, int[] levels) {
        if (crt.containsKey("failed") || !crt.getOrDefault("native_library", "").startsWith("loaded")) {
            return new HttpClientChoice("netty", "CRT could not run here (" + crt.getOrDefault("failed", "its native "
                    + "library did not load") + "); Netty needs no native library");
        }
        double[] throughput = ratios(crt, netty, levels, "calls_per_second");
        double[] cpu = ratios(crt, netty, levels, "cpu_s_per_1000_calls");
        String figures = "CRT against Netty at " + Arrays.toString(levels) + " in flight: throughput "
                + format(throughput) + ", CPU per call " + format(cpu);
        DoublePredicate faster = ratio -> ratio > 1 + MARGIN;
        DoublePredicate leaner = ratio -> ratio < 1 - MARGIN;
        DoublePredicate slower = ratio -> ratio < 1 / (1 + MARGIN);
        DoublePredicate heavier = ratio -> ratio > 1 / (1 - MARGIN);
        boolean crtFaster = Arrays.stream(throughput).allMatch(faster) && Arrays.stream(cpu).noneMatch(heavier);
        boolean crtLeaner = Arrays.stream(cpu).allMatch(leaner) && Arrays.stream(throughput).noneMatch(slower);
        if (crtFaster || crtLeaner) {
            return new HttpClientChoice("crt", figures + ": CRT is better by more than " + percent(MARGIN)
                    + " at every level, what it must win by to pay for its native library and larger jar");
        }
        if (Arrays.stream(throughput).allMatch(slower) || Arrays.stream(cpu).allMatch(heavier)) {
            return new HttpClientChoice("netty", figures + ": Netty is better by more than " + percent(MARGIN)
                    + " at every level, and it needs no native library");
        }
        return new HttpClientChoice("netty", figures + ": neither is better by more than " + percent(MARGIN)
                + " at every level, so the one without a native library and with the smaller jar");
    }

    private static double[] ratios(Map<String, String> crt, Map<String, String> netty, int[] levels, String figure) {
        return Arrays.stream(levels).mapToDouble(level -> {
            String name = "c" + level + "." + figure;
            return Double.parseDouble(crt.get(name)) / Double.parseDouble(netty.get(name));
        }).toArray();
    }

    private static String format(double[] ratios) {
        return Arrays.stream(ratios).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r))
                .collect(Collectors.joining(" / "));
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }
}

package dev.offhours.bench;

import java.util.Locale;
import java.util.Map;

/**
 * Which asynchronous transport the worker's spoke clients should use, from the figures of one run. CRT has to be
 * clearly better to be chosen, because it costs what Netty does not: a native library extracted and loaded at start
 * (one more thing that can fail on an image or a runtime) and a jar of 23 MB (natives for twelve platforms) beside
 * Netty's 4 MB in the Lambda worker's package. So: CRT only when its native library loads here and it has more than {@link #MARGIN} more throughput or
 * less CPU per call (geometric mean over the concurrency levels) without losing by as much on the other; Netty
 * otherwise, and Netty when it wins by the same margin.
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
        double throughput = ratio(crt, netty, levels, "calls_per_second");
        double cpu = ratio(crt, netty, levels, "cpu_s_per_1000_calls");
        String figures = String.format(Locale.ROOT, "CRT/Netty throughput %.2f, CPU per call %.2f (geometric means "
                + "over concurrency %s)", throughput, cpu, java.util.Arrays.toString(levels));
        boolean crtFaster = throughput > 1 + MARGIN;
        boolean crtLeaner = cpu < 1 - MARGIN;
        boolean crtSlower = throughput < 1 / (1 + MARGIN);
        boolean crtHeavier = cpu > 1 / (1 - MARGIN);
        if ((crtFaster && !crtHeavier) || (crtLeaner && !crtSlower)) {
            return new HttpClientChoice("crt", figures + ": CRT is better by more than the "
                    + percent(MARGIN) + " it must win by to pay for its native library and larger jar");
        }
        if (crtSlower || crtHeavier) {
            return new HttpClientChoice("netty", figures + ": Netty is better by more than " + percent(MARGIN)
                    + ", and it needs no native library");
        }
        return new HttpClientChoice("netty", figures + ": within " + percent(MARGIN) + " of each other, so the "
                + "one without a native library and with the smaller jar (the worker's current transport)");
    }

    private static double ratio(Map<String, String> crt, Map<String, String> netty, int[] levels, String figure) {
        double logSum = 0;
        for (int level : levels) {
            String name = "c" + level + "." + figure;
            logSum += Math.log(Double.parseDouble(crt.get(name)) / Double.parseDouble(netty.get(name)));
        }
        return Math.exp(logSum / levels.length);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }
}

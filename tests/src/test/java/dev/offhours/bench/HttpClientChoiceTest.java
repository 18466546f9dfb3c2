package dev.offhours.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HTTP client benchmark's verdict from its figures: CRT only when its native library loaded and it wins by more
 * than 20 % on throughput or CPU per call at every concurrency level without losing as much on the other at any;
 * Netty otherwise.
 */
class HttpClientChoiceTest {

    private static final int[] LEVELS = {100, 500};

    @ParameterizedTest(name = "CRT throughput x{0} x{1}, CPU x{2} x{3}, native {4}: {5}")
    @CsvSource({
            // CRT against Netty at 100 and at 500 in flight: throughput, throughput, CPU per call, CPU per call;
            // CRT's native library, chosen, why contains
            "1.00, 1.00, 0.70, 0.70, loaded linux/x86_64/glibc, crt,   CRT is better",
            "1.30, 1.30, 1.00, 1.00, loaded linux/x86_64/glibc, crt,   CRT is better",
            "1.30, 1.30, 0.70, 0.70, failed,                    netty, could not run here",
            "1.00, 1.00, 0.70, 0.85, loaded linux/x86_64/glibc, netty, neither is better",
            "1.30, 1.10, 1.00, 1.00, loaded linux/x86_64/glibc, netty, neither is better",
            "1.10, 1.10, 0.90, 0.90, loaded linux/x86_64/glibc, netty, neither is better",
            "1.00, 1.00, 0.70, 0.70, loaded linux/x86_64/glibc, crt,   '0.70 / 0.70'",
            "0.70, 1.00, 0.70, 0.70, loaded linux/x86_64/glibc, netty, neither is better",
            "1.30, 1.30, 1.00, 1.40, loaded linux/x86_64/glibc, netty, neither is better",
            "0.70, 0.70, 1.00, 1.00, loaded linux/x86_64/glibc, netty, Netty is better",
            "1.00, 1.00, 1.40, 1.40, loaded linux/x86_64/glibc, netty, Netty is better",
    })
    void decidesFromTheFigures(double throughput100, double throughput500, double cpu100, double cpu500,
                               String nativeLibrary, String chosen, String why) {
        Map<String, String> netty = figures(new double[] {1000, 1000}, new double[] {0.5, 0.5}, "none");
        Map<String, String> crt = figures(new double[] {1000 * throughput100, 1000 * throughput500},
                new double[] {0.5 * cpu100, 0.5 * cpu500}, nativeLibrary);
        if (nativeLibrary.equals("failed")) {
            crt.put("failed", "java.lang.UnsatisfiedLinkError: no aws-crt-jni");
        }

        HttpClientChoice choice = HttpClientChoice.decide(netty, crt, LEVELS);

        assertThat(choice.chosen()).isEqualTo(chosen);
        assertThat(choice.why()).contains(why);
    }

    private static Map<String, String> figures(double[] callsPerSecond, double[] cpuPerThousand,
                                               String nativeLibrary) {
        Map<String, String> figures = new HashMap<>();
        figures.put("native_library", nativeLibrary);
        for (int i = 0; i < LEVELS.length; i++) {
            figures.put("c" + LEVELS[i] + ".calls_per_second", Double.toString(callsPerSecond[i]));
            figures.put("c" + LEVELS[i] + ".cpu_s_per_1000_calls", Double.toString(cpuPerThousand[i]));
        }
        return figures;
    }
}

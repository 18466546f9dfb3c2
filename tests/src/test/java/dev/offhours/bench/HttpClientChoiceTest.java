package dev.offhours.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HTTP client benchmark's verdict from its figures: CRT only when its native library loaded and it wins by more
 * than 20 % on throughput or CPU per call without losing as much on the other; Netty otherwise.
 */
class HttpClientChoiceTest {

    private static final int[] LEVELS = {100, 500};

    @ParameterizedTest(name = "CRT throughput x{0}, CPU x{1}, native {2}: {3}")
    @CsvSource({
            // throughput, CPU per call (CRT against Netty), CRT's native library, chosen, why contains
            "1.00, 0.70, loaded linux/x86_64/glibc, crt,   CRT is better",
            "1.30, 1.00, loaded linux/x86_64/glibc, crt,   CRT is better",
            "1.30, 0.70, failed,                    netty, could not run here",
            "1.10, 0.90, loaded linux/x86_64/glibc, netty, within 20 %",
            "1.00, 1.10, loaded linux/x86_64/glibc, netty, within 20 %",
            "0.70, 1.00, loaded linux/x86_64/glibc, netty, Netty is better",
            "1.00, 1.40, loaded linux/x86_64/glibc, netty, Netty is better",
            "1.30, 1.40, loaded linux/x86_64/glibc, netty, Netty is better",
            "0.70, 0.70, loaded linux/x86_64/glibc, netty, Netty is better",
    })
    void decidesFromTheFigures(double throughput, double cpu, String nativeLibrary, String chosen, String why) {
        Map<String, String> netty = figures(1000, 0.5, "none");
        Map<String, String> crt = figures(1000 * throughput, 0.5 * cpu, nativeLibrary);
        if (nativeLibrary.equals("failed")) {
            crt.put("failed", "java.lang.UnsatisfiedLinkError: no aws-crt-jni");
        }

        HttpClientChoice choice = HttpClientChoice.decide(netty, crt, LEVELS);

        assertThat(choice.chosen()).isEqualTo(chosen);
        assertThat(choice.why()).contains(why);
    }

    private static Map<String, String> figures(double callsPerSecond, double cpuPerThousand, String nativeLibrary) {
        Map<String, String> figures = new HashMap<>();
        figures.put("native_library", nativeLibrary);
        for (int level : LEVELS) {
            figures.put("c" + level + ".calls_per_second", Double.toString(callsPerSecond));
            figures.put("c" + level + ".cpu_s_per_1000_calls", Double.toString(cpuPerThousand));
        }
        return figures;
    }
}

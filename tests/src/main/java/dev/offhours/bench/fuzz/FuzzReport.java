package dev.offhours.bench.fuzz;

import java.util.Map;

/**
 * What one target's campaign found.
 *
 * @param crashes       distinct crashes (by exception type and the first offhours frame), each with one input
 * @param slowestMillis the slowest input's time
 */
public record FuzzReport(String target, long inputs, Map<String, String> crashes, double slowestMillis,
                         String slowestInput) {

    void print() {
        System.out.printf("fuzz.%s.inputs: %d%nfuzz.%s.crashes: %d%nfuzz.%s.slowestMillis: %.1f%n", target, inputs,
                target, crashes.size(), target, slowestMillis);
        crashes.forEach((signature, input) -> System.out.printf("fuzz.%s.crash: %s%n  input: %s%n", target,
                signature, printable(input)));
    }

    static String printable(String input) {
        String shown = input.length() > 400 ? input.substring(0, 400) + "..." : input;
        return shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}

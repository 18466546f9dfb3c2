package dev.offhours.worker.signals;

import dev.offhours.core.notify.HubSignals;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * CloudWatch embedded metric format for the Lambda worker: one JSON line on standard output per count, which
 * CloudWatch Logs turns into a metric in {@link HubSignals#NAMESPACE} without a PutMetricData call (and without the
 * permission). No dimensions, so the hub stack's alarms on the bare metric see the Lambda's counts beside the
 * service's.
 */
public final class EmbeddedMetrics {

    private final Supplier<PrintStream> out;
    private final Clock clock;

    public EmbeddedMetrics(Supplier<PrintStream> out, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** To the process's standard output as it is at each count (a Lambda function's goes to CloudWatch Logs). */
    public static EmbeddedMetrics standardOutput(Clock clock) {
        return new EmbeddedMetrics(() -> System.out, clock);
    }

    /** Writes one line counting {@code value} of {@code metric} now. */
    public void count(String metric, long value) {
        out.get().println(line(metric, value, clock.millis()));
    }

    static String line(String metric, long value, long epochMillis) {
        if (!metric.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("a metric name is letters and digits, but was '" + metric + "'");
        }
        return "{\"_aws\":{\"Timestamp\":" + epochMillis + ",\"CloudWatchMetrics\":[{\"Namespace\":\""
                + HubSignals.NAMESPACE + "\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"" + metric
                + "\",\"Unit\":\"Count\"}]}]},\"" + metric + "\":" + value + "}";
    }
}

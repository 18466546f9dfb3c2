package dev.offhours.reconciler.inventory;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.function.ToLongFunction;

/**
 * Gauges of the last completed discovery run (0 before the first), under {@code offhours.discovery.*}: what the
 * anti-entropy pass had to correct is the signal that events are being missed.
 */
public final class DiscoveryMetrics {

    public static final String PREFIX = "offhours.discovery.last";

    private DiscoveryMetrics() {
    }

    public static void register(MetricRegistry metrics, DiscoveryScheduler scheduler) {
        gauge(metrics, scheduler, "correctedItems", DiscoveryReport::corrected);
        gauge(metrics, scheduler, "items", DiscoveryReport::itemsFound);
        gauge(metrics, scheduler, "degradedAccountRegions", DiscoveryReport::accountRegionsDegraded);
        gauge(metrics, scheduler, "orphanedAsleep", r -> r.orphanedAsleep().size());
        gauge(metrics, scheduler, "durationMillis", r -> r.duration().toMillis());
        gauge(metrics, scheduler, "startedAtEpochSeconds", r -> r.startedAt().getEpochSecond());
    }

    private static void gauge(MetricRegistry metrics, DiscoveryScheduler scheduler, String name,
                              ToLongFunction<DiscoveryReport> value) {
        metrics.register(MetricRegistry.name(PREFIX, name),
                (Gauge<Long>) () -> scheduler.lastReport().map(value::applyAsLong).orElse(0L));
    }
}

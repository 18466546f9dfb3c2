package dev.offhours.reconciler.events;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.function.ToLongFunction;

/** The inventory updater's counters since start, as gauges under {@code offhours.events.*}. */
public final class UpdaterMetrics {

    public static final String PREFIX = "offhours.events";

    private UpdaterMetrics() {
    }

    public static void register(MetricRegistry metrics, InventoryUpdater updater) {
        UpdaterStats stats = updater.stats();
        gauge(metrics, stats, "messages", UpdaterStats::messages);
        gauge(metrics, stats, "refreshes", UpdaterStats::refreshes);
        gauge(metrics, stats, "updated", UpdaterStats::updated);
        gauge(metrics, stats, "applied", UpdaterStats::applied);
        gauge(metrics, stats, "removed", UpdaterStats::removed);
        gauge(metrics, stats, "stale", UpdaterStats::stale);
        gauge(metrics, stats, "notOurs", UpdaterStats::notOurs);
        gauge(metrics, stats, "externalChanges", UpdaterStats::externalChanges);
        gauge(metrics, stats, "selfInflicted", UpdaterStats::selfInflicted);
        gauge(metrics, stats, "deadLettered", UpdaterStats::deadLettered);
        gauge(metrics, stats, "failedRefreshes", UpdaterStats::failedRefreshes);
        gauge(metrics, stats, "orphanedAsleep", UpdaterStats::orphanedAsleep);
        metrics.register(MetricRegistry.name(PREFIX, "pendingResources"),
                (Gauge<Integer>) updater::pendingResources);
    }

    private static void gauge(MetricRegistry metrics, UpdaterStats stats, String name,
                              ToLongFunction<UpdaterStats> value) {
        metrics.register(MetricRegistry.name(PREFIX, name), (Gauge<Long>) () -> value.applyAsLong(stats));
    }
}

package dev.offhours.reconciler.service;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.offhours.reconciler.inventory.DiscoveryMetrics;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.runtime.PoolMetrics;
import dev.offhours.worker.runtime.SqsWorkerPool;
import java.util.function.ToLongFunction;

/** The hub's own metrics (names {@code offhours.*}), next to Dropwizard's JVM and Jetty metrics. */
final class HubMetrics {

    private HubMetrics() {
    }

    static void register(MetricRegistry metrics, Hub hub, Pipelines pipelines) {
        metrics.register("offhours.schedules.registered", (Gauge<Integer>) () -> hub.registry().registered().size());
        metrics.register("offhours.scheduler.running", (Gauge<Boolean>) () -> hub.registry().running());
        metrics.register("offhours.reconcile.runs", (Gauge<Long>) () -> hub.reconcileLoop().runs());
        metrics.register("offhours.spoke.assume_role_calls", (Gauge<Long>) () -> hub.credentials().assumeRoleCalls());
        metrics.register("offhours.spoke.throttles", (Gauge<Long>) pipelines::throttlesMet);
        metrics.register("offhours.spoke.retries", (Gauge<Long>) pipelines::retries);
        hub.pool().ifPresent(pool -> registerPool(metrics, pool));
        // offhours.discovery.last.*: items, correctedItems (events the inventory missed), degraded account-regions
        hub.discovery().ifPresent(discovery -> DiscoveryMetrics.register(metrics, discovery));
    }

    private static void registerPool(MetricRegistry metrics, SqsWorkerPool pool) {
        pool(metrics, pool, "received", PoolMetrics.Snapshot::received);
        pool(metrics, pool, "done", PoolMetrics.Snapshot::done);
        pool(metrics, pool, "retried", PoolMetrics.Snapshot::retried);
        pool(metrics, pool, "rejected", PoolMetrics.Snapshot::rejected);
        pool(metrics, pool, "handler_failures", PoolMetrics.Snapshot::handlerFailures);
        pool(metrics, pool, "sqs_errors", PoolMetrics.Snapshot::sqsErrors);
        pool(metrics, pool, "in_flight", PoolMetrics.Snapshot::inFlight);
    }

    private static void pool(MetricRegistry metrics, SqsWorkerPool pool, String name,
                             ToLongFunction<PoolMetrics.Snapshot> value) {
        metrics.register("offhours.workers." + name, (Gauge<Long>) () -> value.applyAsLong(pool.metrics()));
    }
}

package dev.offhours.reconciler.service;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.offhours.reconciler.inventory.DiscoveryMetrics;
import dev.offhours.reconciler.reconcile.ConvergenceSnapshots;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.runtime.PoolMetrics;
import dev.offhours.worker.runtime.SqsWorkerPool;
import java.time.Duration;
import java.util.function.ToLongFunction;

/** The hub's own metrics (names {@code offhours.*}), next to Dropwizard's JVM and Jetty metrics. */
final class HubMetrics {

    private HubMetrics() {
    }

    /** How old the convergence behind the gauges may get: a scrape never reads the intents itself. */
    static final Duration CONVERGENCE_REFRESH = Duration.ofSeconds(10);

    static void register(MetricRegistry metrics, Hub hub, Pipelines pipelines, ConvergenceSnapshots convergence) {
        metrics.register("offhours.schedules.registered", (Gauge<Integer>) () -> hub.registry().registered().size());
        metrics.register("offhours.scheduler.running", (Gauge<Boolean>) () -> hub.registry().running());
        metrics.register("offhours.reconcile.runs", (Gauge<Long>) () -> hub.reconcileLoop().runs());
        metrics.register("offhours.spoke.assume_role_calls", (Gauge<Long>) () -> hub.credentials().assumeRoleCalls());
        metrics.register("offhours.spoke.throttles", (Gauge<Long>) pipelines::throttlesMet);
        metrics.register("offhours.spoke.retries", (Gauge<Long>) pipelines::retries);
        registerConvergence(metrics, convergence);
        hub.pool().ifPresent(pool -> registerPool(metrics, pool));
        // offhours.discovery.last.*: items, correctedItems (events the inventory missed), degraded account-regions
        hub.discovery().ifPresent(discovery -> DiscoveryMetrics.register(metrics, discovery));
    }

    /**
     * {@code overdue}: schedules (removed ones too) not converged within convergence.overdueAfter;
     * {@code pending_targets}: targets still to reach their schedule's current intent. Both read one shared snapshot,
     * so a scrape never reads the intents itself; a store outage leaves them out of a scrape rather than reporting a
     * made-up zero.
     */
    static void registerConvergence(MetricRegistry metrics, ConvergenceSnapshots convergence) {
        metrics.register("offhours.schedules.overdue", (Gauge<Integer>) () -> convergence.current().overdue());
        metrics.register("offhours.schedules.pending_targets",
                (Gauge<Long>) () -> convergence.current().pendingTargets());
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

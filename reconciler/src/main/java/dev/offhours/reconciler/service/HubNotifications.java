package dev.offhours.reconciler.service;

import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.HealthStatus;
import dev.offhours.reconciler.config.AwsConfig;
import dev.offhours.reconciler.converge.TransitionAnnouncer;
import dev.offhours.reconciler.notify.AccountHealthEvents;
import dev.offhours.reconciler.notify.AlarmMetrics;
import dev.offhours.reconciler.notify.CloudWatchMetricSink;
import dev.offhours.reconciler.notify.EventBridgeEventSink;
import dev.offhours.reconciler.notify.EventSink;
import dev.offhours.reconciler.notify.MetricSink;
import dev.offhours.reconciler.notify.NotificationsConfig;
import dev.offhours.reconciler.notify.TransitionEvents;
import dev.offhours.reconciler.reconcile.ConvergenceSnapshots;
import dev.offhours.worker.runtime.DaemonThreads;
import dev.offhours.worker.signals.FailedOperationsCounter;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The {@code notifications:} section wired into the hub: the stores seen through the counters and the health events
 * ({@link #observe}), the announcer of finished transitions for the convergence pass, and the alarm metrics sent
 * every {@code publishInterval} once the hub is up ({@link #publish}). With the section off, every part is a
 * pass-through and nothing is sent.
 */
public final class HubNotifications {

    private final NotificationsConfig config;
    private final Clock clock;
    private final Optional<EventSink> events;
    private final Optional<MetricSink> metrics;
    private final AtomicReference<AlarmMetrics> alarms = new AtomicReference<>();

    HubNotifications(NotificationsConfig config, Optional<EventSink> events, Optional<MetricSink> metrics,
                     Clock clock) {
        this.config = config;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    static HubNotifications open(NotificationsConfig config, AwsConfig aws, Clock clock,
                                 LifecycleEnvironment lifecycle) {
        Optional<EventSink> events = config.eventBusName().map(bus -> {
            EventBridgeClient client = HubClients.eventBridge(aws);
            lifecycle.manage(ManagedResource.closing("EventBridge client", client));
            return new EventBridgeEventSink(client, bus);
        });
        Optional<MetricSink> metrics = Optional.empty();
        if (config.metrics()) {
            CloudWatchClient client = HubClients.cloudWatch(aws);
            lifecycle.manage(ManagedResource.closing("CloudWatch client", client));
            metrics = Optional.of(new CloudWatchMetricSink(client, config.namespace()));
        }
        return new HubNotifications(config, events, metrics, clock);
    }

    /** The stores with FAILED records counted for the metric and account health changes announced. */
    HubStores observe(HubStores stores) {
        return new HubStores(stores.inventory(),
                events.<dev.offhours.core.port.ControlStore>map(sink ->
                        new AccountHealthEvents(stores.control(), sink, clock)).orElse(stores.control()),
                metrics.isEmpty() ? stores.operations() : new FailedOperationsCounter(stores.operations(), failed -> {
                    AlarmMetrics current = alarms.get();
                    if (current != null) {
                        current.operationFailed();
                    }
                }),
                stores.history(), stores.catalogs(), stores.description(), stores.close());
    }

    TransitionAnnouncer announcer(HubStores stores) {
        return events.<TransitionAnnouncer>map(sink -> new TransitionEvents(sink, stores.operations(), clock))
                .orElse(TransitionAnnouncer.NONE);
    }

    /** Starts sending the alarm metrics of {@code hub} (a last send when the hub stops). */
    void publish(Hub hub, ConvergenceSnapshots convergence, LifecycleEnvironment lifecycle) {
        if (metrics.isEmpty()) {
            return;
        }
        AlarmMetrics alarm = new AlarmMetrics(metrics.get(), clock,
                () -> hub.pool().map(pool -> pool.metrics().rejected()).orElse(0L),
                () -> OptionalInt.of(convergence.current().overdue()),
                () -> OptionalInt.of((int) hub.stores().control().accountHealth().stream()
                        .map(AccountHealth::status).filter(HealthStatus.DEGRADED::equals).count()));
        alarms.set(alarm);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("offhours-alarm-metrics"));
        long every = config.publishInterval().toMillis();
        lifecycle.manage(new ManagedResource("alarm metrics",
                () -> executor.scheduleAtFixedRate(alarm::publish, every, every, TimeUnit.MILLISECONDS),
                () -> {
                    executor.shutdownNow();
                    alarm.publish();
                }));
    }
}

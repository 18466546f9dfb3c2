package dev.offhours.reconciler.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import dev.offhours.core.calendar.HolidaySources;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.time.Timeline;
import dev.offhours.reconciler.reconcile.ConvergenceSnapshots;
import dev.offhours.reconciler.repository.DirectoryRevisionReader;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.testsupport.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The convergence gauges: what they count, and that scrapes share one read of the intents per 10 s. */
class ConvergenceMetricsTest {

    static final Instant NOW = Instant.parse("2026-03-25T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void overdueSchedulesAndPendingTargetsAreReadFromTheIntentsAtMostOncePerInterval() {
        MutableClock clock = new MutableClock(NOW);
        ScheduleCatalog catalog = new RepositoryReader()
                .read(new DirectoryRevisionReader().read(Path.of("..", "schedules-repo-template"))).catalog();
        Schedule payments = catalog.schedules().get("payments-dev");
        PowerState state = Timeline.of(payments, HolidaySources.forSchedule(payments, catalog.calendars()))
                .stateAt(NOW);
        try (EmbeddedHubStore store = EmbeddedHubStore.open(dir.resolve("hub.mv"), clock)) {
            AtomicInteger intentReads = new AtomicInteger();
            ControlStore counting = counting(store.control(), intentReads);
            ScheduleIntent first = ScheduleIntent.first("payments-dev", state, NOW.minus(Duration.ofMinutes(30)),
                    ScheduleIntent.TRANSITION, "", "main@sha1:abc");
            ScheduleIntent counted = first.withProgress(new ScheduleIntent.Progress(3, 1, 2, 0, NOW), null);
            assertThat(store.control().saveIntent(first)).isTrue();
            assertThat(store.control().saveIntent(counted)).isTrue();

            MetricRegistry metrics = new MetricRegistry();
            HubMetrics.registerConvergence(metrics, new ConvergenceSnapshots(() -> catalog, counting, clock,
                    Duration.ofMinutes(10), HubMetrics.CONVERGENCE_REFRESH));
            for (int scrape = 0; scrape < 20; scrape++) {
                assertThat(metrics.getGauges().get("offhours.schedules.overdue").getValue()).isEqualTo(1);
                assertThat(metrics.getGauges().get("offhours.schedules.pending_targets").getValue()).isEqualTo(2L);
            }
            assertThat(intentReads).hasValue(1);

            assertThat(store.control().saveIntent(counted.withProgress(new ScheduleIntent.Progress(3, 3, 0, 0, NOW),
                    NOW))).isTrue();
            clock.advance(Duration.ofSeconds(9));
            assertThat(metrics.getGauges().get("offhours.schedules.overdue").getValue()).as("cached").isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            assertThat(metrics.getGauges().get("offhours.schedules.overdue").getValue()).isEqualTo(0);
            assertThat(metrics.getGauges().get("offhours.schedules.pending_targets").getValue()).isEqualTo(0L);
            assertThat(intentReads).hasValue(2);
        }
    }

    /** The store, counting its {@code intents()} reads. */
    private static ControlStore counting(ControlStore store, AtomicInteger intentReads) {
        return (ControlStore) Proxy.newProxyInstance(ControlStore.class.getClassLoader(),
                new Class<?>[] {ControlStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("intents")) {
                        intentReads.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

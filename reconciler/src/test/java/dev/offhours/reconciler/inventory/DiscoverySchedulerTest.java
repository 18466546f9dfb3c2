package dev.offhours.reconciler.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoverySchedulerTest {

    private static final Duration SIX_HOURS = Duration.ofHours(6);
    private final RecordingExecutor executor = new RecordingExecutor();

    /** A real executor that remembers how it was asked to schedule (fixed delay only). */
    static final class RecordingExecutor extends ScheduledThreadPoolExecutor {
        final List<List<Long>> schedules = new CopyOnWriteArrayList<>();
        final List<ScheduledFuture<?>> futures = new CopyOnWriteArrayList<>();

        RecordingExecutor() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
            schedules.add(List.of(unit.toMillis(initialDelay), unit.toMillis(delay)));
            ScheduledFuture<?> future = super.scheduleWithFixedDelay(task, initialDelay, delay, unit);
            futures.add(future);
            return future;
        }
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void runsAtStartAndThenTheIntervalAfterEachRunEnds() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        DiscoveryScheduler scheduler = new DiscoveryScheduler(() -> {
            ran.countDown();
            return report(3);
        }, executor, SIX_HOURS);

        scheduler.start();
        scheduler.start();

        assertThat(ran.await(30, TimeUnit.SECONDS)).as("the first run starts at once").isTrue();
        assertThat(executor.schedules).as("initial delay and delay between runs, ms (started once)")
                .containsExactly(List.of(0L, SIX_HOURS.toMillis()));
        scheduler.stop();
        assertThat(executor.futures).singleElement().satisfies(f -> assertThat(f.isCancelled()).isTrue());
    }

    @Test
    void aFailedRunIsLoggedAndTheLastGoodReportStays() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<DiscoveryReport> discovery = () -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("inventory table is gone");
            }
            return report(calls.get());
        };
        DiscoveryScheduler scheduler = new DiscoveryScheduler(discovery, executor, SIX_HOURS);

        assertThat(scheduler.runOnce()).hasValueSatisfying(r -> assertThat(r.added()).isEqualTo(1));
        assertThat(scheduler.runOnce()).isEmpty();
        assertThat(scheduler.lastReport()).hasValueSatisfying(r -> assertThat(r.added()).isEqualTo(1));
        assertThat(scheduler.runOnce()).hasValueSatisfying(r -> assertThat(r.added()).isEqualTo(3));
    }

    @Test
    void publishesTheLastReportAsGauges() {
        DiscoveryScheduler scheduler = new DiscoveryScheduler(() -> report(7), executor, SIX_HOURS);
        com.codahale.metrics.MetricRegistry metrics = new com.codahale.metrics.MetricRegistry();
        DiscoveryMetrics.register(metrics, scheduler);
        com.codahale.metrics.Gauge<?> corrected = metrics.getGauges().get("offhours.discovery.last.correctedItems");

        assertThat(corrected.getValue()).isEqualTo(0L);
        scheduler.runOnce();
        assertThat(corrected.getValue()).isEqualTo(7L);
    }

    @Test
    void refusesAnIntervalBelowOneSecond() {
        assertThatThrownBy(() -> new DiscoveryScheduler(() -> report(0), executor, Duration.ofMillis(10)))
                .hasMessageContaining("at least 1 second");
    }

    private static DiscoveryReport report(int added) {
        return new DiscoveryReport(Instant.parse("2026-03-02T17:00:00Z"), Duration.ofSeconds(1), 1, 1, 0, 1, 0, added,
                added, 0, 0, 0, 0, List.of(), List.of(), List.of());
    }
}

package dev.offhours.reconciler.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FetchLoopTest {

    @ParameterizedTest(name = "interval {0}s, jitter {1}, r {2} -> {3} ms")
    @CsvSource({
            "60, 0.1, 0.0,   54000",
            "60, 0.1, 0.5,   60000",
            "60, 0.1, 0.999, 65988",
            "60, 0.0, 0.9,   60000",
            "10, 0.5, 0.0,   5000"})
    void waitsTheIntervalGivenOrTakenTheJitter(long seconds, double jitter, double r, long expectedMillis) {
        assertThat(FetchLoop.jittered(Duration.ofSeconds(seconds), jitter, r))
                .isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @Test
    void runsAtOnceOnStartAndAgainWhenWokenLongBeforeTheInterval() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch firstRun = new CountDownLatch(1);
        CountDownLatch secondRun = new CountDownLatch(2);
        AtomicInteger runs = new AtomicInteger();
        try (FetchLoop loop = new FetchLoop(executor, Duration.ofHours(1), 0.1, () -> 0.5, () -> {
            runs.incrementAndGet();
            firstRun.countDown();
            secondRun.countDown();
        })) {
            loop.start();
            assertThat(firstRun.await(30, TimeUnit.SECONDS)).as("first run").isTrue();

            loop.wake();

            assertThat(secondRun.await(30, TimeUnit.SECONDS)).as("run after wake").isTrue();
            assertThat(runs).hasValue(2);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aWakeDuringARunIsNotLost() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch inFirstRun = new CountDownLatch(1);
        CountDownLatch releaseFirstRun = new CountDownLatch(1);
        CountDownLatch secondRun = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (FetchLoop loop = new FetchLoop(executor, Duration.ofHours(1), 0.1, () -> 0.5, () -> {
            if (runs.incrementAndGet() == 1) {
                inFirstRun.countDown();
                await(releaseFirstRun);
            } else {
                secondRun.countDown();
            }
        })) {
            loop.start();
            assertThat(inFirstRun.await(30, TimeUnit.SECONDS)).isTrue();

            loop.wake();
            releaseFirstRun.countDown();

            assertThat(secondRun.await(30, TimeUnit.SECONDS)).as("run after a wake during a run").isTrue();
        } finally {
            executor.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

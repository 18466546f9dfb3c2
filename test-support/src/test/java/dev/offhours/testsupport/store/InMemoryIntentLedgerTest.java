package dev.offhours.testsupport.store;

import dev.offhours.core.port.AppliedIntent;
import dev.offhours.core.port.IntentLedger;
import dev.offhours.core.port.LedgerRules;
import dev.offhours.core.port.OperationStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The in-memory ledger (tests and benchmarks) applies the same {@link LedgerRules} as
 * the inventory stores, whose contract tests cover each rule; here: it tracks every target, and racing begins.
 */
class InMemoryIntentLedgerTest {

    private static final Instant T1 = Instant.parse("2026-03-02T17:00:00Z");
    private static final Instant T2 = T1.plus(Duration.ofHours(14));
    private static final Duration LEASE = Duration.ofMinutes(5);
    private final InMemoryAwakeCapacityStore ledger = new InMemoryAwakeCapacityStore();
    private final Target web = Target.asg("111111111111", "eu-west-1", "web");

    @Test
    void everyTargetIsTrackedAndALateItemOfTheSameScheduleIsSuperseded() {
        assertThat(ledger.begin(web, "office", T2, Action.WAKE, T2, LEASE).start()).isEqualTo(IntentLedger.Start.STARTED);
        assertThat(ledger.finish(web, "office", T1, OperationStatus.SUCCEEDED, T2)).as("not the stored mark").isFalse();
        assertThat(ledger.finish(web, "office", T2, OperationStatus.SUCCEEDED, T2.plusSeconds(1))).isTrue();

        IntentLedger.Begin late = ledger.begin(web, "office", T1, Action.SLEEP, T2.plusSeconds(2), LEASE);

        assertThat(late.start()).isEqualTo(IntentLedger.Start.SUPERSEDED);
        assertThat(late.current()).isEqualTo(new AppliedIntent("office", T2, Action.WAKE, OperationStatus.SUCCEEDED,
                T2.plus(LEASE), T2.plusSeconds(1)));
        assertThat(ledger.intent(web)).contains(late.current());
    }

    @Test
    void twoRacingBeginsOfTwoIntentsStartExactlyOne() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 200; round++) {
                Target target = Target.asg("111111111111", "eu-west-1", "race-" + round);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<IntentLedger.Begin>> begins = new ArrayList<>();
                begins.add(threads.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return ledger.begin(target, "office", T1, Action.SLEEP, T2, LEASE);
                }));
                begins.add(threads.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return ledger.begin(target, "night", T2, Action.WAKE, T2, LEASE);
                }));
                List<IntentLedger.Start> starts = new ArrayList<>();
                for (Future<IntentLedger.Begin> begin : begins) {
                    starts.add(begin.get(10, TimeUnit.SECONDS).start());
                }
                assertThat(starts).containsExactlyInAnyOrder(IntentLedger.Start.STARTED, IntentLedger.Start.BUSY);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}

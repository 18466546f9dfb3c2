package dev.offhours.reconciler.store;

import static dev.offhours.reconciler.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.Condition;
import dev.offhours.core.port.ConditionStatus;
import dev.offhours.core.port.ConditionType;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.DispatchedTransition;
import dev.offhours.core.port.HealthStatus;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.port.ReconcilerStatus;
import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.work.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link ControlStore} must do; subclasses bind it to one adapter. */
public abstract class ControlStoreContract {

    protected abstract ControlStore store();

    /** A store over the same data as {@link #store()} that tells expired orphan reports by {@code clock}. */
    protected abstract ControlStore storeAt(Clock clock);

    protected static ControlStore at(ControlStoreContract contract, Instant now) {
        return contract.storeAt(Clock.fixed(now, ZoneOffset.UTC));
    }

    protected static ReconcilerStatus refused(Instant at) {
        return new ReconcilerStatus("main@sha1:1111111111111111111111111111111111111111",
                "main@sha1:2222222222222222222222222222222222222222", at,
                List.of(new Condition(ConditionType.READY, ConditionStatus.FALSE, "ValidationFailed",
                                "revision main@sha1:2222222 refused: 2 errors", at),
                        new Condition(ConditionType.STALLED, ConditionStatus.TRUE, "ValidationFailed", "", at.minusMillis(1))),
                List.of("schedules/payments/dev.yaml:7: 'Mon-Fry' is not a day range; use e.g. Mon-Fri",
                        "schedules/payments/night.yaml:3: time zone 'Europe/Berln' is unknown"),
                at);
    }

    @Test
    void theReconcilerStatusRoundTripsWithItsConditionsAndProblems() {
        assertThat(store().status()).isEmpty();

        assertThat(store().saveStatus(refused(T0))).isTrue();

        assertThat(store().status()).contains(refused(T0));
    }

    @Test
    void anOlderStatusNeverReplacesANewerOne() {
        ReconcilerStatus ready = new ReconcilerStatus("main@sha1:3333333333333333333333333333333333333333",
                "main@sha1:3333333333333333333333333333333333333333", T0.plusSeconds(60),
                List.of(new Condition(ConditionType.READY, ConditionStatus.TRUE, "Succeeded", "applied", T0.plusSeconds(60))),
                List.of(), T0.plusSeconds(60));
        store().saveStatus(ready);

        assertThat(store().saveStatus(refused(T0))).isFalse();

        assertThat(store().status()).contains(ready);
    }

    @Test
    void aTransitionIsClaimedByTheFirstOfEightConcurrentCallersOnly() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String owner = "replica-" + i;
                Callable<Boolean> claim = () -> {
                    start.await();
                    return store().claim("payments-dev", T0, owner, T0.plusMillis(3));
                };
                results.add(pool.submit(claim));
            }
            start.countDown();
            List<Boolean> won = new ArrayList<>();
            for (Future<Boolean> result : results) {
                won.add(result.get());
            }

            assertThat(won).containsOnlyOnce(true);
            String winner = "replica-" + won.indexOf(true);
            assertThat(store().claimOf("payments-dev", T0)).hasValueSatisfying(c -> {
                assertThat(c.owner()).isEqualTo(winner);
                assertThat(c.dispatched()).isFalse();
            });
            assertThat(store().claim("payments-dev", T0, winner, T0.plusSeconds(1))).as("not even the owner twice").isFalse();
            assertThat(store().claim("payments-dev", T0.plusSeconds(3600), "replica-1", T0)).as("the next transition").isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLatestDispatchPerScheduleOnlyMovesForward() {
        Instant sleep = T0;
        Instant wake = T0.plusSeconds(13 * 3600);
        store().claim("payments-dev", sleep, "replica-0", sleep);
        store().claim("payments-dev", wake, "replica-1", wake);
        store().claim("search-dev", sleep, "replica-0", sleep);

        store().recordDispatch("payments-dev", wake, 40, wake.plusSeconds(2));
        store().recordDispatch("payments-dev", sleep, 42, sleep.plusSeconds(2));
        store().recordDispatch("search-dev", sleep, 0, sleep.plusSeconds(1));

        assertThat(store().latestDispatch("payments-dev"))
                .contains(new DispatchedTransition("payments-dev", wake, 40, wake.plusSeconds(2)));
        assertThat(store().claimOf("payments-dev", sleep)).hasValueSatisfying(c -> {
            assertThat(c.dispatchedCount()).isEqualTo(42);
            assertThat(c.dispatchedAt()).isEqualTo(sleep.plusSeconds(2));
        });
        assertThat(store().latestDispatches()).containsOnlyKeys("payments-dev", "search-dev")
                .hasEntrySatisfying("search-dev", d -> assertThat(d.count()).isZero());
        assertThat(store().latestDispatch("unknown")).isEmpty();
    }

    @Test
    void aDispatchOfAnUnclaimedTransitionIsRefused() {
        assertThatThrownBy(() -> store().recordDispatch("payments-dev", T0, 3, T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never claimed");
        assertThat(store().latestDispatch("payments-dev")).isEmpty();
    }

    @Test
    void accountHealthIsUpsertedAndListedByAccountThenRegion() {
        AccountHealth broken = new AccountHealth("222222222222", "eu-central-1", HealthStatus.DEGRADED, T0, null,
                "AccessDenied: cannot assume the spoke role", 0);
        store().saveAccountHealth(new AccountHealth("222222222222", "us-east-1", HealthStatus.OK, T0, T0, null, 1));
        store().saveAccountHealth(broken);
        store().saveAccountHealth(new AccountHealth("111111111111", "eu-central-1", HealthStatus.DEGRADED, T0, null, "x", 0));
        AccountHealth healed = new AccountHealth("111111111111", "eu-central-1", HealthStatus.OK, T0.plusSeconds(60),
                T0.plusSeconds(30), null, 4);
        store().saveAccountHealth(healed);

        assertThat(store().accountHealth()).extracting(h -> h.account() + "/" + h.region())
                .containsExactly("111111111111/eu-central-1", "222222222222/eu-central-1", "222222222222/us-east-1");
        assertThat(store().accountHealth("111111111111", "eu-central-1")).contains(healed);
        assertThat(store().accountHealth("222222222222", "eu-central-1")).contains(broken);
        assertThat(store().accountHealth("333333333333", "eu-central-1")).isEmpty();
    }

    @Test
    void eventsAndDiscoveryWriteTheirOwnFieldsOfTheHealthRecord() {
        store().recordEventSeen("111111111111", "eu-central-1", T0.plusSeconds(30));
        assertThat(store().accountHealth("111111111111", "eu-central-1")).contains(new AccountHealth("111111111111",
                "eu-central-1", HealthStatus.OK, null, T0.plusSeconds(30), null, 0));

        // a discovery run that read the record before the event must not undo it
        store().recordDiscovery(new AccountHealth("111111111111", "eu-central-1", HealthStatus.DEGRADED,
                T0.plusSeconds(60), null, "AccessDenied: cannot assume the spoke role", 0));
        store().recordEventSeen("111111111111", "eu-central-1", T0.plusSeconds(10)); // late: never moves back
        assertThat(store().accountHealth("111111111111", "eu-central-1")).contains(new AccountHealth("111111111111",
                "eu-central-1", HealthStatus.DEGRADED, T0.plusSeconds(60), T0.plusSeconds(30),
                "AccessDenied: cannot assume the spoke role", 0));

        store().recordDiscovery(new AccountHealth("111111111111", "eu-central-1", HealthStatus.OK,
                T0.plusSeconds(120), null, null, 3));
        store().recordEventSeen("111111111111", "eu-central-1", T0.plusSeconds(90));
        assertThat(store().accountHealth("111111111111", "eu-central-1")).contains(new AccountHealth("111111111111",
                "eu-central-1", HealthStatus.OK, T0.plusSeconds(120), T0.plusSeconds(90), null, 3));
    }

    protected static OrphanReport orphan(Target target, Capacity savedAwake, Instant at, String by) {
        return new OrphanReport(target, "payments-dev", new Capacity(0, 0, 0), savedAwake, at, by);
    }

    @Test
    void orphanReportsAreListedByTargetKeyAndTheLatestReportOfATargetWins() {
        Target web = Fixtures.asg("222222222222", "web");
        Target gpu = Fixtures.nodegroup("111111111111", "ml", "gpu");
        Target api = Fixtures.asg("111111111111", "api");
        store().reportOrphan(orphan(web, new Capacity(2, 3, 10), T0, OrphanReport.DISCOVERY));
        store().reportOrphan(orphan(gpu, null, T0.plusSeconds(5), OrphanReport.EVENT));
        store().reportOrphan(orphan(api, new Capacity(1, 1, 4), T0.plusSeconds(7), OrphanReport.EVENT));
        OrphanReport again = orphan(web, new Capacity(2, 4, 10), T0.plusSeconds(60), OrphanReport.EVENT);
        store().reportOrphan(again);

        assertThat(at(this, T0.plusSeconds(120)).orphans()).containsExactly(
                orphan(api, new Capacity(1, 1, 4), T0.plusSeconds(7), OrphanReport.EVENT),
                orphan(gpu, null, T0.plusSeconds(5), OrphanReport.EVENT),
                again);
    }

    @Test
    void aClearedOrphanReportIsNoLongerListedAndClearingAnUnknownTargetChangesNothing() {
        Target web = Fixtures.asg("222222222222", "web");
        Target gpu = Fixtures.nodegroup("111111111111", "ml", "gpu");
        store().reportOrphan(orphan(web, new Capacity(2, 3, 10), T0, OrphanReport.DISCOVERY));
        store().reportOrphan(orphan(gpu, new Capacity(1, 2, 3), T0, OrphanReport.DISCOVERY));

        store().clearOrphan(web);
        store().clearOrphan(Fixtures.asg("333333333333", "never-reported"));

        assertThat(at(this, T0).orphans()).extracting(OrphanReport::target).containsExactly(gpu);
    }

    @Test
    void anOrphanReportIsListedForThirtyDaysThenDropped() {
        Target web = Fixtures.asg("222222222222", "web");
        store().reportOrphan(orphan(web, new Capacity(2, 3, 10), T0, OrphanReport.DISCOVERY));

        assertThat(at(this, T0.plus(Duration.ofDays(30)).minusMillis(1)).orphans()).hasSize(1);
        assertThat(at(this, T0.plus(Duration.ofDays(30))).orphans()).as("forgotten after 30 days").isEmpty();
    }
}

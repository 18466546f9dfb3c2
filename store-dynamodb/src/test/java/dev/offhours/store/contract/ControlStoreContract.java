package dev.offhours.store.contract;

import static dev.offhours.store.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.Condition;
import dev.offhours.core.port.ConditionStatus;
import dev.offhours.core.port.ConditionType;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.HealthStatus;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.port.ReconcilerStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.time.PowerState;
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
    void anIntentIsWrittenByTheFirstOfEightConcurrentReplicasOnly() throws Exception {
        int callers = 8;
        ScheduleIntent first = ScheduleIntent.first("payments-dev", PowerState.ASLEEP, T0, ScheduleIntent.TRANSITION,
                "fp", "main@sha1:abc");
        assertThat(store().saveIntent(first)).isTrue();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                ScheduleIntent leased = first.withLease(new ScheduleIntent.Lease("replica-" + i, T0.plusSeconds(120)));
                Callable<Boolean> save = () -> {
                    start.await();
                    return store().saveIntent(leased);
                };
                results.add(pool.submit(save));
            }
            start.countDown();
            List<Boolean> won = new ArrayList<>();
            for (Future<Boolean> result : results) {
                won.add(result.get());
            }

            assertThat(won).containsOnlyOnce(true);
            String winner = "replica-" + won.indexOf(true);
            assertThat(store().intent("payments-dev")).hasValueSatisfying(intent -> {
                assertThat(intent.lease().owner()).isEqualTo(winner);
                assertThat(intent.version()).isEqualTo(2);
            });
            assertThat(store().saveIntent(first)).as("a second first intent").isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void intentsRoundTripWithTheirProgressAndAreListedBySchedule() {
        ScheduleIntent web = ScheduleIntent.first("web", PowerState.AWAKE, T0, ScheduleIntent.CAUGHT_UP, "fp1", "r1")
                .withPass("cursor-1", null, T0.plusSeconds(1));
        ScheduleIntent api = ScheduleIntent.first("api", PowerState.ASLEEP, T0, ScheduleIntent.TRANSITION, "fp2", "r1");
        ScheduleIntent counted = web.withProgress(new ScheduleIntent.Progress(10, 7, 2, 1, T0.plusSeconds(5)), null);
        store().saveIntent(api);
        store().saveIntent(ScheduleIntent.first("web", PowerState.AWAKE, T0, ScheduleIntent.CAUGHT_UP, "fp1", "r1"));
        assertThat(store().saveIntent(web)).isTrue();
        assertThat(store().saveIntent(counted)).isTrue();
        assertThat(store().saveIntent(web.next(PowerState.ASLEEP, T0.plusSeconds(9), ScheduleIntent.SCHEDULE_CHANGED,
                "fp1", "r2"))).as("written over a version it did not read").isFalse();

        assertThat(store().intents()).extracting(ScheduleIntent::schedule).containsExactly("api", "web");
        assertThat(store().intent("web")).contains(counted);
        assertThat(store().intent("nope")).isEmpty();
        ScheduleIntent announced = counted.withAnnouncedAt(T0.plusSeconds(6));
        assertThat(store().saveIntent(announced)).isTrue();
        assertThat(store().intent("web")).get().extracting(ScheduleIntent::announcedAt).isEqualTo(T0.plusSeconds(6));
    }

    @Test
    void aReducedIntentKeepsItsCapacityShare() {
        ScheduleIntent evening = ScheduleIntent.first("evenings", PowerState.AWAKE, 30, T0, ScheduleIntent.TRANSITION,
                "fp1", "r1");
        store().saveIntent(evening);
        ScheduleIntent leased = evening.withLease(new ScheduleIntent.Lease("replica-a", T0.plusSeconds(60)));
        assertThat(store().saveIntent(leased)).isTrue();

        assertThat(store().intent("evenings")).contains(leased);
        assertThat(store().intent("evenings").orElseThrow().capacityPercent()).isEqualTo(30);
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

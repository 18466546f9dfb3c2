package dev.offhours.reconciler.converge;

import static dev.offhours.reconciler.converge.SimulatedHub.AWAKE;
import static dev.offhours.reconciler.converge.SimulatedHub.SCHEDULE;
import static dev.offhours.reconciler.converge.SimulatedHub.account;
import static dev.offhours.reconciler.converge.SimulatedHub.accounts;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.office;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.port.StoreUnavailableException;
import dev.offhours.core.schedule.KeepAwake;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.WorkItem;
import dev.offhours.reconciler.dispatch.SendReport;
import dev.offhours.reconciler.dispatch.WorkQueue;
import dev.offhours.testsupport.ElasticMqExtension;
import dev.offhours.testsupport.EmbeddedElasticMq;
import dev.offhours.worker.Outcome;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The guarantee, on real parts (embedded store, ElasticMQ, the real worker on the fleet simulator) and a moved
 * clock: whatever happens between two looks, the next look puts every target where its schedule says. The office
 * schedule sleeps at 18:00 UTC and wakes at 06:30 UTC (Paris, March), Monday to Friday; its asleep shape is 0/1/1.
 */
@ExtendWith(ElasticMqExtension.class)
class ConvergenceLoopTest {

    private static final Instant MONDAY_SLEEP = Instant.parse("2026-03-02T18:00:00Z");
    private static final Instant TUESDAY_WAKE = Instant.parse("2026-03-03T06:30:00Z");
    private static final Capacity ASLEEP = new Capacity(0, 1, 1);
    private static final Schedule OFFICE = office(SCHEDULE, Scope.EVERYWHERE);

    private final SqsClient sqs;
    private final String queueUrl;
    @TempDir
    Path dir;
    private SimulatedHub hub;

    ConvergenceLoopTest(EmbeddedElasticMq mq, SqsClient sqs) {
        this.sqs = sqs;
        this.queueUrl = mq.createQueue("converge-" + System.nanoTime(), Map.of());
    }

    @AfterEach
    void close() {
        if (hub != null) {
            hub.close();
        }
    }

    private SimulatedHub hub(Instant start, int accounts, int asgsPerAccount) {
        hub = new SimulatedHub(dir, sqs, queueUrl, start, accounts, asgsPerAccount);
        return hub;
    }

    @Test
    void aKeepAwakeMergedTwentySecondsAfterTheSleepWakesTheFleetAndItsRevertSleepsItAgain() {
        hub(MONDAY_SLEEP.plusSeconds(1), 2, 3);
        SimulatedHub.Replica replica = hub.replica("hub-a").apply(accounts(2), OFFICE).run();
        assertThat(hub.work()).isEqualTo(6);
        assertThat(hub.targets()).allSatisfy(t -> assertThat(hub.capacity(t)).isEqualTo(ASLEEP));

        hub.time.advance(Duration.ofSeconds(19));
        replica.apply(accounts(2), keepAwake(OFFICE, MONDAY_SLEEP.plus(Duration.ofHours(5)))).run();
        List<WorkItem> wakes = hub.take();
        assertThat(wakes).hasSize(6).allSatisfy(item -> {
            assertThat(item.action()).isEqualTo(Action.WAKE);
            assertThat(item.transition()).isEqualTo(MONDAY_SLEEP.plusSeconds(20)); // not the 18:00 claim again
        });
        wakes.forEach(hub::deliver);
        assertThat(hub.targets()).allSatisfy(t -> assertThat(hub.capacity(t)).isEqualTo(AWAKE));
        replica.run();
        assertThat(hub.intent()).get().satisfies(intent -> {
            assertThat(intent.state()).isEqualTo(PowerState.AWAKE);
            assertThat(intent.reason()).isEqualTo(ScheduleIntent.SCHEDULE_CHANGED);
            assertThat(intent.converged()).isTrue();
            assertThat(intent.progress().converged()).isEqualTo(6);
        });

        hub.time.advance(Duration.ofSeconds(20)); // the revert, in the same minute
        replica.apply(accounts(2), OFFICE).run();
        assertThat(hub.work()).isEqualTo(6);
        assertThat(hub.targets()).allSatisfy(t -> assertThat(hub.capacity(t)).isEqualTo(ASLEEP));
    }

    @Test
    void aDispatchThatDiesHalfWayIsFinishedByTheNextLeaseHolderWithoutSendingAnyTargetTwice() {
        hub(MONDAY_SLEEP.plusSeconds(1), 1, 7);
        ConvergenceSettings smallPages = new ConvergenceSettings(Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5), 2);
        AtomicInteger calls = new AtomicInteger();
        SimulatedHub.Replica dying = hub.replica("hub-dying", smallPages, c -> c, i -> i,
                queue -> items -> {
                    if (calls.incrementAndGet() > 2) {
                        throw new IllegalStateException("kill -9 between two SendMessageBatch calls");
                    }
                    return queue.sendAllAsync(items);
                });
        dying.apply(accounts(1), OFFICE).run();
        assertThat(hub.intent()).get().satisfies(intent -> {
            assertThat(intent.firstPassAt()).isNull();
            assertThat(intent.cursor()).isNotNull();
        });

        hub.time.advance(Duration.ofSeconds(30)); // within the dead replica's lease: nobody else sends
        SimulatedHub.Replica next = hub.replica("hub-next", smallPages, c -> c, i -> i, q -> q)
                .apply(accounts(1), OFFICE).run();
        assertThat(hub.intent().get().lease().owner()).isEqualTo("hub-dying");
        hub.time.advance(Duration.ofMinutes(2));
        next.run();

        List<WorkItem> items = hub.take();
        assertThat(items).extracting(item -> item.target().key()).doesNotHaveDuplicates().hasSize(7);
        items.forEach(hub::deliver);
        next.run();
        assertThat(hub.targets()).allSatisfy(t -> assertThat(hub.capacity(t)).isEqualTo(ASLEEP));
        assertThat(hub.intent().get().converged()).isTrue();
    }

    @Test
    void aLeaseWhoseWriteCommittedButWhoseAnswerWasLostIsStillOurs() {
        hub(MONDAY_SLEEP.plusSeconds(1), 1, 4);
        AtomicBoolean lost = new AtomicBoolean();
        SimulatedHub.Replica replica = hub.replica("hub-a", SimulatedHub.settings(), control -> failing(control,
                ControlStore.class, "saveIntent", args -> ((ScheduleIntent) args[0]).lease() != null
                        && lost.compareAndSet(false, true), true), i -> i, q -> q);
        replica.apply(accounts(1), OFFICE).run();
        assertThat(hub.take()).isEmpty();

        hub.time.advance(Duration.ofSeconds(30));
        replica.run();
        assertThat(hub.work()).isEqualTo(4);
        assertThat(hub.targets()).allSatisfy(t -> assertThat(hub.capacity(t)).isEqualTo(ASLEEP));
    }

    @Test
    void workItemsTheQueueCouldNotTakeAreSentAgainOnceItAnswers() {
        hub(MONDAY_SLEEP.plusSeconds(1), 1, 4);
        AtomicBoolean queueDown = new AtomicBoolean(true);
        SimulatedHub.Replica replica = hub.replica("hub-a", SimulatedHub.settings(), c -> c, i -> i,
                queue -> items -> queueDown.get()
                        ? CompletableFuture.completedFuture(new SendReport(0, items.size(), 5,
                                List.of("gave up after 5 attempts: ServiceUnavailable")))
                        : queue.sendAllAsync(items));
        replica.apply(accounts(1), OFFICE).run();
        assertThat(hub.intent().get().progress().pending()).isEqualTo(4);

        queueDown.set(false);
        hub.time.advance(Duration.ofSeconds(30));
        replica.run();
        assertThat(hub.work()).isEqualTo(4);
        replica.run();
        assertThat(hub.targets()).allSatisfy(t -> assertThat(hub.capacity(t)).isEqualTo(ASLEEP));
        assertThat(hub.intent().get().converged()).isTrue();
    }

    @Test
    void anInventoryOutageLongerThanAnyRetryOnlyDelaysTheTransition() {
        hub(MONDAY_SLEEP.plusSeconds(1), 1, 3);
        AtomicInteger failures = new AtomicInteger(6);
        SimulatedHub.Replica replica = hub.replica("hub-a", SimulatedHub.settings(), c -> c,
                inventory -> failing(inventory, InventoryStore.class, "bySchedule",
                        args -> failures.getAndDecrement() > 0, false), q -> q);
        replica.apply(accounts(1), OFFICE);
        for (int tick = 0; tick < 6; tick++) {
            replica.run();
            hub.time.advance(Duration.ofSeconds(30));
        }
        assertThat(hub.take()).isEmpty();
        replica.run();
        assertThat(hub.work()).isEqualTo(3);
        assertThat(hub.targets()).allSatisfy(t -> assertThat(hub.capacity(t)).isEqualTo(ASLEEP));
    }

    @Test
    void aHubRestartedAfterItsScheduleWasRemovedWakesTheTargetsTheScheduleLeftAsleep() {
        hub(MONDAY_SLEEP.plusSeconds(1), 1, 3);
        hub.replica("hub-before").apply(accounts(1), OFFICE).run();
        hub.work();
        assertThat(hub.targets()).allSatisfy(t -> assertThat(hub.capacity(t)).isEqualTo(ASLEEP));

        hub.time.advance(Duration.ofMinutes(40)); // down; the schedule file was deleted meanwhile
        SimulatedHub.Replica restarted = hub.replica("hub-after").apply(accounts(1)).run();
        assertThat(hub.work()).isEqualTo(3);
        restarted.run();

        assertThat(hub.targets()).allSatisfy(t -> assertThat(hub.capacity(t)).isEqualTo(AWAKE));
        assertThat(hub.intent()).get().satisfies(intent -> {
            assertThat(intent.reason()).isEqualTo(ScheduleIntent.SCHEDULE_REMOVED);
            assertThat(intent.converged()).isTrue();
        });
        hub.time.advance(Duration.ofMinutes(10));
        restarted.run();
        assertThat(hub.take()).isEmpty();
    }

    @Test
    void anAccountLeavingAccountsYamlIsWokenOnceAndThenLeftAlone() {
        hub(MONDAY_SLEEP.plusSeconds(1), 2, 3);
        SimulatedHub.Replica replica = hub.replica("hub-a").apply(accounts(2), OFFICE).run();
        hub.work();

        hub.time.advance(Duration.ofMinutes(30));
        replica.apply(accounts(1), OFFICE).run();
        List<WorkItem> handBack = hub.take();
        assertThat(handBack).hasSize(3).allSatisfy(item -> {
            assertThat(item.target().account()).isEqualTo(account(1));
            assertThat(item.action()).isEqualTo(Action.WAKE);
        });
        handBack.forEach(hub::deliver);
        assertThat(hub.targetsIn(account(1))).allSatisfy(t -> assertThat(hub.capacity(t)).isEqualTo(AWAKE));
        assertThat(hub.targetsIn(account(0))).allSatisfy(t -> assertThat(hub.capacity(t)).isEqualTo(ASLEEP));

        moveTo(TUESDAY_WAKE.plusSeconds(1));
        replica.run();
        List<WorkItem> morning = hub.take();
        assertThat(morning).hasSize(3).allSatisfy(item -> assertThat(item.target().account()).isEqualTo(account(0)));
        morning.forEach(hub::deliver);
        moveTo(TUESDAY_WAKE.plus(Duration.ofHours(11).plusMinutes(30)).plusSeconds(1));
        replica.run();
        assertThat(hub.take()).allSatisfy(item -> assertThat(item.target().account()).isEqualTo(account(0)))
                .hasSize(3);
    }

    @Test
    void aScheduleWithoutAccountsInScopeActsOnOnboardedAccountsOnly() {
        hub(MONDAY_SLEEP.plusSeconds(1), 3, 2);
        hub.replica("hub-a").apply(accounts(2), OFFICE).run();

        assertThat(hub.take()).hasSize(4)
                .allSatisfy(item -> assertThat(item.target().account()).isNotEqualTo(account(2)));
    }

    @Test
    void twoReplicasSendEachTargetOnce() {
        hub(MONDAY_SLEEP.plusSeconds(1), 2, 3);
        hub.replica("hub-a").apply(accounts(2), OFFICE).run();
        hub.replica("hub-b").apply(accounts(2), OFFICE).run();

        assertThat(hub.take()).extracting(item -> item.target().key()).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void aSleepDeliveredAfterTheMorningWakeIsSupersededAndTheFleetStaysAwake() {
        hub(MONDAY_SLEEP.plusSeconds(1), 1, 3);
        SimulatedHub.Replica replica = hub.replica("hub-a").apply(accounts(1), OFFICE).run();
        List<WorkItem> delayedSleeps = hub.take(); // throttled, redriven, or stuck in a queue for the night

        moveTo(TUESDAY_WAKE.plusSeconds(1));
        replica.run();
        assertThat(hub.work()).isEqualTo(3);
        delayedSleeps.forEach(item -> assertThat(hub.deliver(item)).isEqualTo(Outcome.done()));

        assertThat(hub.targets()).allSatisfy(t -> assertThat(hub.capacity(t)).isEqualTo(AWAKE));
        assertThat(hub.store.operations().byTarget(SimulatedHub.core(hub.targets().get(0)).key(), 10))
                .anySatisfy(r -> {
                    assertThat(r.transition()).isEqualTo(MONDAY_SLEEP);
                    assertThat(r.status()).isEqualTo(OperationStatus.SUPERSEDED);
                });
    }

    @Test
    void pendingTargetsAreSentAgainOnlyOnceTheQueueNoLongerHoldsTheirItems() {
        hub(MONDAY_SLEEP.plusSeconds(1), 1, 5);
        SimulatedHub.Replica replica = hub.replica("hub-a").apply(accounts(1), OFFICE).run();

        hub.time.advance(Duration.ofMinutes(6)); // workers slower than resendAfter: the items still wait
        replica.run();
        List<WorkItem> queued = hub.take();
        assertThat(queued).as("no second copy while the first still waits").hasSize(5);

        hub.time.advance(Duration.ofSeconds(30)); // the queue lost them (purged, say), and is quiet now
        replica.run();
        assertThat(hub.work()).as("sent again once the queue is quiet").isEqualTo(5);
        replica.run();
        assertThat(hub.intent().get().converged()).isTrue();
    }

    @Test
    void theIntentCountsPendingTargetsUntilTheWorkersReportThem() {
        hub(MONDAY_SLEEP.plusSeconds(1), 1, 3);
        SimulatedHub.Replica replica = hub.replica("hub-a").apply(accounts(1), OFFICE).run();
        assertThat(hub.intent().get().progress()).satisfies(p -> {
            assertThat(p.targets()).isEqualTo(3);
            assertThat(p.pending()).isEqualTo(3);
        });
        assertThat(hub.intent().get().converged()).isFalse();
        assertThat(hub.intent().get().overdue(MONDAY_SLEEP.plus(Duration.ofMinutes(11)), Duration.ofMinutes(10)))
                .isTrue();

        hub.work();
        hub.time.advance(Duration.ofSeconds(30));
        replica.run();
        assertThat(hub.intent().get().progress().converged()).isEqualTo(3);
        assertThat(hub.intent().get().convergedAt()).isEqualTo(MONDAY_SLEEP.plusSeconds(31));
    }

    private void moveTo(Instant instant) {
        hub.time.advance(Duration.between(hub.time.instant(), instant));
    }

    private static Schedule keepAwake(Schedule s, Instant until) {
        return new Schedule(s.name(), s.owner(), s.description(), s.timeZone(), s.awake(), s.calendars(),
                s.sleepOn(), List.of(new KeepAwake(until, "release night")), s.suspend(), s.enforce(), s.scope(),
                s.asleep(), s.file());
    }

    /** {@code target} whose {@code method} fails with a store outage when {@code when} says so (after it ran, if asked). */
    @SuppressWarnings("unchecked")
    private static <T> T failing(T target, Class<T> type, String method,
                                 java.util.function.Predicate<Object[]> when, boolean afterCommit) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            boolean fail = m.getName().equals(method) && when.test(args);
            if (fail && !afterCommit) {
                throw new StoreUnavailableException(method + ": the store did not answer");
            }
            try {
                Object result = m.invoke(target, args);
                if (fail) {
                    throw new StoreUnavailableException(method + ": the answer was lost after the write committed");
                }
                return result;
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}

package dev.offhours.worker;

import static dev.offhours.worker.MotoFleet.NOW;
import static dev.offhours.worker.MotoFleet.item;
import static dev.offhours.worker.MotoFleet.optIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.testsupport.store.InMemoryAwakeCapacityStore.RecordedOutcome;
import dev.offhours.testsupport.store.InMemoryOperationStore;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class SpokeWorkerTest {

    private static final Capacity AWAKE = new Capacity(2, 3, 10);
    private static final Instant EVENING = NOW;
    private static final Instant MORNING = NOW.plus(Duration.ofHours(14));

    private final InMemoryOperationStore store = new InMemoryOperationStore();
    private MotoFleet fleet;

    @BeforeEach
    void fleet(MotoServer moto) {
        fleet = new MotoFleet(moto, store, List.of(), List.of());
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void asgSleepsThenWakesToExactlyItsAwakeCapacity() {
        Target web = fleet.createAsg("111111111111", "web", AWAKE, optIn());

        assertThat(fleet.handle(item(Action.SLEEP, web, EVENING), 1)).isEqualTo(Outcome.done());
        assertThat(fleet.capacityOf(web)).isEqualTo(new Capacity(0, 0, 0));
        assertThat(fleet.tagOf(web, OffhoursTags.AWAKE_CAPACITY)).isEqualTo("min=2,desired=3,max=10");

        assertThat(fleet.handle(item(Action.WAKE, web, MORNING), 1)).isEqualTo(Outcome.done());
        assertThat(fleet.capacityOf(web)).isEqualTo(AWAKE);
        assertThat(store.byTarget(web.key(), 10)).extracting(OperationRecord::action, OperationRecord::status,
                        OperationRecord::before, OperationRecord::after)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Action.WAKE, OperationStatus.SUCCEEDED, new Capacity(0, 0, 0), AWAKE),
                        org.assertj.core.groups.Tuple.tuple(Action.SLEEP, OperationStatus.SUCCEEDED, AWAKE, new Capacity(0, 0, 0)));
    }

    @Test
    void nodegroupSleepsAtMaxOneThenWakesToExactlyItsAwakeCapacity() {
        Target ng = fleet.createNodegroup("111111111111", "prod", "ng-1", AWAKE, optIn());

        assertThat(fleet.handle(item(Action.SLEEP, ng, EVENING), 1)).isEqualTo(Outcome.done());
        assertThat(fleet.capacityOf(ng)).isEqualTo(new Capacity(0, 0, 1));
        assertThat(fleet.awake.find(ng.key())).contains(AWAKE); // moto cannot tag node groups (MotoNodegroupTagGap)

        assertThat(fleet.handle(item(Action.WAKE, ng, MORNING), 1)).isEqualTo(Outcome.done());
        assertThat(fleet.capacityOf(ng)).isEqualTo(AWAKE);
        assertThat(store.all()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(r.updateId()).isNotBlank();
        });
    }

    @Test
    void duplicateSleepIsANoOpAndTheSavedCapacitySurvives() {
        Target web = fleet.createAsg("111111111111", "web", AWAKE, optIn());
        fleet.handle(item(Action.SLEEP, web, EVENING), 1);

        assertThat(fleet.handle(item(Action.SLEEP, web, EVENING), 2)).isEqualTo(Outcome.done()); // redelivery
        assertThat(fleet.handle(item(Action.SLEEP, web, EVENING.plusSeconds(60)), 1)).isEqualTo(Outcome.done());

        assertThat(fleet.tagOf(web, OffhoursTags.AWAKE_CAPACITY)).isEqualTo("min=2,desired=3,max=10");
        assertThat(store.byTarget(web.key(), 10)).extracting(OperationRecord::status)
                .containsExactly(OperationStatus.SKIPPED, OperationStatus.SUCCEEDED);
        assertThat(fleet.handle(item(Action.WAKE, web, MORNING), 1)).isEqualTo(Outcome.done());
        assertThat(fleet.capacityOf(web)).isEqualTo(AWAKE);
    }

    @Test
    void theHubsInventoryLearnsTheStateEachSuccessfulTransitionLeft() {
        Target web = fleet.createAsg("111111111111", "web", AWAKE, optIn());

        fleet.handle(item(Action.SLEEP, web, EVENING), 1);
        assertThat(fleet.awake.outcome(web.key()))
                .contains(new RecordedOutcome(TargetState.ASLEEP, new Capacity(0, 0, 0), NOW));

        fleet.handle(item(Action.WAKE, web, MORNING), 1);
        assertThat(fleet.awake.outcome(web.key())).contains(new RecordedOutcome(TargetState.AWAKE, AWAKE, NOW));
    }

    @Test
    void aRedeliveryFindingTheTargetAlreadyAsleepRecordsItButOptOutsAndFailuresDoNot() {
        Target web = fleet.createAsg("111111111111", "web", new Capacity(0, 0, 0), optIn());
        fleet.awake.save(web.key(), AWAKE);
        Target other = fleet.createAsg("111111111111", "other", AWAKE, Map.of(OffhoursTags.SCHEDULE, "night-shift"));
        Target never = fleet.createAsg("111111111111", "never-slept", new Capacity(0, 0, 0), optIn());

        fleet.handle(item(Action.SLEEP, web, EVENING), 2); // an earlier delivery slept it and crashed before recording
        fleet.handle(item(Action.SLEEP, other, EVENING), 1);
        fleet.handle(item(Action.WAKE, never, MORNING), 1);

        assertThat(fleet.awake.outcome(web.key()))
                .contains(new RecordedOutcome(TargetState.ASLEEP, new Capacity(0, 0, 0), NOW));
        assertThat(fleet.awake.outcome(other.key())).as("opted in to another schedule: skipped").isEmpty();
        assertThat(fleet.awake.outcome(never.key())).as("failed: no saved capacity").isEmpty();
    }

    @Test
    void optOutsAreSkippedWithTheirReasonAndWakeWithoutSavedCapacityChangesNothing() {
        Target other = fleet.createAsg("111111111111", "other", AWAKE, Map.of(OffhoursTags.SCHEDULE, "night-shift"));
        Target kept = fleet.createAsg("111111111111", "kept", AWAKE,
                Map.of(OffhoursTags.SCHEDULE, MotoFleet.SCHEDULE, OffhoursTags.KEEP_AWAKE_UNTIL, "2026-03-03T08:00:00Z"));
        Target never = fleet.createAsg("111111111111", "never-slept", new Capacity(0, 0, 0), optIn());

        fleet.handle(item(Action.SLEEP, other, EVENING), 1);
        fleet.handle(item(Action.SLEEP, kept, EVENING), 1);
        fleet.handle(item(Action.WAKE, never, MORNING), 1);

        assertThat(fleet.capacityOf(other)).isEqualTo(AWAKE);
        assertThat(fleet.capacityOf(kept)).isEqualTo(AWAKE);
        assertThat(fleet.capacityOf(never)).isEqualTo(new Capacity(0, 0, 0));
        assertThat(store.byTarget(other.key(), 1).get(0).message()).contains("opted in to schedule 'night-shift'");
        assertThat(store.byTarget(kept.key(), 1).get(0).message()).contains("kept awake until 2026-03-03T08:00:00Z");
        assertThat(store.byTarget(never.key(), 1).get(0))
                .satisfies(r -> assertThat(r.status()).isEqualTo(OperationStatus.FAILED))
                .satisfies(r -> assertThat(r.errorCode()).isEqualTo("NoSavedCapacity"));
    }

    @Test
    void malformedAndUnknownVersionMessagesAreRejectedWithAReason() {
        assertThat(fleet.worker.handle(new ReceivedMessage("1", "{\"version\":7}", 1)))
                .isEqualTo(Outcome.reject("unknown work item version 7; this worker reads version 1 only"));
        assertThat(fleet.worker.handle(new ReceivedMessage("2", "oops", 1))).isInstanceOf(Outcome.Reject.class);
        assertThat(store.all()).isEmpty();
    }
}

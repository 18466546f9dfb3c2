package dev.offhours.worker;

import static dev.offhours.worker.MotoFleet.SCHEDULE;
import static dev.offhours.worker.MotoFleet.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.AppliedIntent;
import dev.offhours.core.port.IntentLedger;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItem;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.testsupport.MutableClock;
import dev.offhours.store.dynamodb.DynamoDbOperationStore;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.store.dynamodb.TableDefinitions;
import dev.offhours.store.dynamodb.DynamoDbInventoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The worker ordering its work with the intent mark on the target's inventory item: the hub's real tables and spoke
 * APIs on moto, a clock the test moves.
 */
@ExtendWith(MotoExtension.class)
class IntentOrderingTest {

    private static final Capacity AWAKE = new Capacity(2, 3, 10);
    private static final Capacity ASLEEP = new Capacity(0, 0, 0);
    /** Evening sleep (T1) and the next morning's wake (T2) of one schedule. */
    private static final Instant T1 = MotoFleet.NOW;
    private static final Instant T2 = T1.plus(Duration.ofHours(14));

    private final MutableClock clock = new MutableClock(T2.plusSeconds(5));
    private DynamoDbClient dynamo;
    private DynamoDbInventoryStore inventory;
    private DynamoDbOperationStore operations;
    private MotoFleet fleet;

    @BeforeEach
    void hub(MotoServer moto) {
        dynamo = moto.client(DynamoDbClient.builder());
        dynamo.createTable(HubTableDefinitions.inventoryTable("offhours-inventory"));
        TableDefinitions.createOperationsTable(dynamo, "offhours-operations");
        inventory = new DynamoDbInventoryStore(dynamo, "offhours-inventory");
        operations = new DynamoDbOperationStore(dynamo, "offhours-operations");
        fleet = new MotoFleet(moto, operations, inventory, inventory, clock, SpokeWorker.Settings.defaults(), List.of(),
                List.of());
    }

    @AfterEach
    void close() {
        fleet.close();
        dynamo.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "delivered late (after the morning's wake), 1, 1, false",
            "redelivered by SQS after crashing the worker twice, 1, 3, false",
            "redriven from the dead-letter queue after a crash left it IN_PROGRESS, 1, 1, true",
            "a retried copy, 7, 1, false"})
    void anEveningSleepArrivingAfterTheMorningsWakeIsSupersededAndTheTargetStaysAwake(String how, int attempt,
                                                                                        int receiveCount,
                                                                                        boolean leftInProgress) {
        Target web = asleepAsg("web");
        assertThat(fleet.handle(item(Action.WAKE, web, T2), 1)).isEqualTo(Outcome.done());
        assertThat(fleet.capacityOf(web)).isEqualTo(AWAKE);
        if (leftInProgress) {
            operations.save(new OperationRecord(SCHEDULE, T1, web.key(), Action.SLEEP, ASLEEP, AWAKE,
                    OperationStatus.IN_PROGRESS, 1, null, "crashed", Duration.ZERO, null, null, T1, T1,
                    T1.plus(Duration.ofDays(90))));
        }

        Outcome late = fleet.handle(item(Action.SLEEP, web, T1).withAttempt(attempt), receiveCount);

        assertThat(late).isEqualTo(Outcome.done());
        assertThat(fleet.capacityOf(web)).as("the target stays awake at its capacity").isEqualTo(AWAKE);
        OperationRecord sleep = operations.find(new OperationRecord.Key(SCHEDULE, T1, web.key())).orElseThrow();
        assertThat(sleep.status()).isEqualTo(OperationStatus.SUPERSEDED);
        assertThat(sleep.message()).contains("superseded by WAKE of schedule " + SCHEDULE + " at " + T2);
        assertThat(sleep.attempts()).isEqualTo(attempt + receiveCount - 1);
        AppliedIntent mark = inventory.get(web).orElseThrow().intent();
        assertThat(mark.covers(SCHEDULE, T2)).isTrue();
        assertThat(mark.action()).isEqualTo(Action.WAKE);
        assertThat(mark.outcome()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void duplicateDeliveriesOfOneItemLeaveOneFinalRecordAndOneFinishedMark() {
        Target web = asleepAsg("web");
        WorkItem wake = item(Action.WAKE, web, T2);

        assertThat(fleet.handle(wake, 1)).isEqualTo(Outcome.done());
        clock.advance(Duration.ofSeconds(30));
        assertThat(fleet.handle(wake, 2)).isEqualTo(Outcome.done());
        assertThat(fleet.handle(wake.withAttempt(2), 1)).as("a retried copy sent twice").isEqualTo(Outcome.done());

        assertThat(operations.byTarget(web.key(), 10)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(r.attempts()).isEqualTo(1);
        });
        AppliedIntent mark = inventory.get(web).orElseThrow().intent();
        assertThat(mark).isEqualTo(new AppliedIntent(SCHEDULE, T2, Action.WAKE, OperationStatus.SUCCEEDED,
                T2.plusSeconds(5).plus(SpokeWorker.Settings.DEFAULT_LEASE), mark.updatedAt()));
        assertThat(fleet.capacityOf(web)).isEqualTo(AWAKE);
    }

    @Test
    void anItemFindingAnotherIntentHoldingTheTargetWaitsUntilItsLeaseRunsOut() {
        Target web = asleepAsg("web");
        // a worker began the evening's sleep on this target and died before finishing it
        assertThat(inventory.begin(web, SCHEDULE, T1, Action.SLEEP, clock.instant(), SpokeWorker.Settings.DEFAULT_LEASE)
                .start()).isEqualTo(IntentLedger.Start.STARTED);

        Outcome wait = fleet.handle(item(Action.WAKE, web, T2), 1);

        assertThat(wait).isInstanceOf(Outcome.RetryLater.class);
        assertThat(((Outcome.RetryLater) wait).reason()).contains("held by SLEEP of schedule " + SCHEDULE + " at " + T1);
        assertThat(((Outcome.RetryLater) wait).delay()).isLessThan(Duration.ofMinutes(1));
        assertThat(fleet.capacityOf(web)).as("no AWS call while the target is held").isEqualTo(ASLEEP);
        assertThat(operations.byTarget(web.key(), 10)).isEmpty();

        clock.advance(SpokeWorker.Settings.DEFAULT_LEASE.plusSeconds(1));
        assertThat(fleet.handle(item(Action.WAKE, web, T2).withAttempt(2), 1)).isEqualTo(Outcome.done());

        assertThat(fleet.capacityOf(web)).isEqualTo(AWAKE);
        assertThat(inventory.get(web).orElseThrow().intent().covers(SCHEDULE, T2)).isTrue();
        assertThat(fleet.handle(item(Action.SLEEP, web, T1), 2)).as("the dead worker's item, redelivered")
                .isEqualTo(Outcome.done());
        assertThat(fleet.capacityOf(web)).isEqualTo(AWAKE);
        assertThat(operations.find(new OperationRecord.Key(SCHEDULE, T1, web.key())).orElseThrow().status())
                .isEqualTo(OperationStatus.SUPERSEDED);
    }

    @Test
    void aFinalRecordFoundAtTheStartFinishesAMarkLeftOpenByACrash() {
        Target web = asleepAsg("web");
        inventory.begin(web, SCHEDULE, T2, Action.WAKE, clock.instant(), SpokeWorker.Settings.DEFAULT_LEASE);
        operations.save(new OperationRecord(SCHEDULE, T2, web.key(), Action.WAKE, ASLEEP, AWAKE,
                OperationStatus.SUCCEEDED, 1, null, "woken", Duration.ZERO, null, null, T2, T2,
                T2.plus(Duration.ofDays(90))));
        assertThat(inventory.get(web).orElseThrow().intent().finished()).isFalse();

        assertThat(fleet.handle(item(Action.WAKE, web, T2), 2)).isEqualTo(Outcome.done());

        AppliedIntent mark = inventory.get(web).orElseThrow().intent();
        assertThat(mark.outcome()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(mark.covers(SCHEDULE, T2)).isTrue();
    }

    @Test
    void aTargetTheInventoryDoesNotKnowIsWorkedUnorderedAndGetsNoItem() {
        Target stranger = fleet.createAsg("111111111111", "stranger", AWAKE, MotoFleet.optIn());

        assertThat(fleet.handle(item(Action.SLEEP, stranger, T1), 1)).isEqualTo(Outcome.done());

        assertThat(fleet.capacityOf(stranger)).isEqualTo(ASLEEP);
        assertThat(operations.byTarget(stranger.key(), 1)).extracting(OperationRecord::status)
                .containsExactly(OperationStatus.SUCCEEDED);
        assertThat(inventory.get(stranger)).isEmpty();
    }

    @ParameterizedTest(name = "previous mark {0} {1}: last succeeded {2}")
    @CsvSource({
            ", , ",
            "SLEEP, SUCCEEDED, SLEEP",
            "WAKE, SUCCEEDED, WAKE",
            "SLEEP, FAILED, ",
            "SLEEP, SKIPPED, ",
            "SLEEP, , "})
    void theLastSucceededActionComesFromThePreviousMarkOnly(Action action, OperationStatus outcome, Action expected) {
        AppliedIntent previous = action == null ? null
                : new AppliedIntent(SCHEDULE, T1, action, outcome, T1.plusSeconds(300), T1);
        IntentLedger.Begin begin = new IntentLedger.Begin(IntentLedger.Start.STARTED,
                new AppliedIntent(SCHEDULE, T2, Action.WAKE, null, T2.plusSeconds(300), T2), previous);

        assertThat(SpokeWorker.lastSucceeded(begin)).isEqualTo(Optional.ofNullable(expected));
    }

    /** An ASG asleep since the evening, its awake capacity on its tag, known to the hub's inventory. */
    private Target asleepAsg(String name) {
        Target target = fleet.createAsg("111111111111", name, ASLEEP, Map.of(OffhoursTags.SCHEDULE, SCHEDULE,
                OffhoursTags.AWAKE_CAPACITY, OffhoursTags.formatCapacity(AWAKE)));
        inventory.upsert(new InventoryItem(target, SCHEDULE, Map.of(OffhoursTags.SCHEDULE, SCHEDULE), ASLEEP, null,
                TargetState.ASLEEP, null, InventoryItem.DISCOVERY, 1, T1));
        return target;
    }
}

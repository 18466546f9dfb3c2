package dev.offhours.worker;

import static dev.offhours.worker.MotoFleet.NOW;
import static dev.offhours.worker.MotoFleet.item;
import static dev.offhours.worker.MotoFleet.optIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.OperationStore;
import dev.offhours.core.port.StoreUnavailableException;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.store.dynamodb.DynamoDbOperationStore;
import dev.offhours.store.dynamodb.TableDefinitions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(MotoExtension.class)
class CrashAndRecordsTest {

    private static final Capacity AWAKE = new Capacity(2, 3, 10);

    /** The operations table on moto, whose first {@code failures} writes fail as if the worker died before them. */
    static final class FlakyStore implements OperationStore {
        private final OperationStore delegate;
        private final AtomicInteger failuresLeft;

        FlakyStore(OperationStore delegate, int failures) {
            this.delegate = delegate;
            this.failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public Optional<OperationRecord> find(OperationRecord.Key key) {
            return delegate.find(key);
        }

        @Override
        public boolean save(OperationRecord record) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new StoreUnavailableException("simulated crash before the record write");
            }
            return delegate.save(record);
        }

        @Override
        public List<OperationRecord> byTarget(String targetKey, int limit) {
            return delegate.byTarget(targetKey, limit);
        }
    }

    private static DynamoDbOperationStore operationsTable(MotoServer moto, DynamoDbClient dynamo) {
        TableDefinitions.createOperationsTable(dynamo, "offhours-operations");
        return new DynamoDbOperationStore(dynamo, "offhours-operations");
    }

    @Test
    void aCrashBetweenTheAwsCallAndTheRecordConvergesToOneFinalRecord(MotoServer moto) {
        try (DynamoDbClient dynamo = moto.client(DynamoDbClient.builder())) {
            DynamoDbOperationStore table = operationsTable(moto, dynamo);
            try (MotoFleet fleet = new MotoFleet(moto, new FlakyStore(table, 1), List.of(), List.of())) {
                Target asg = fleet.createAsg("111111111111", "web", AWAKE, optIn());
                Target ng = fleet.createNodegroup("111111111111", "prod", "ng-1", AWAKE, optIn());

                assertThat(fleet.handle(item(Action.SLEEP, asg, NOW), 1)).isInstanceOf(Outcome.RetryLater.class);
                assertThat(fleet.capacityOf(asg)).isEqualTo(new Capacity(0, 0, 0)); // the change happened
                assertThat(table.byTarget(asg.key(), 10)).isEmpty();                 // the record did not

                assertThat(fleet.handle(item(Action.SLEEP, asg, NOW), 2)).isEqualTo(Outcome.done());
                assertThat(fleet.handle(item(Action.SLEEP, asg, NOW), 3)).isEqualTo(Outcome.done());
                assertThat(fleet.handle(item(Action.SLEEP, ng, NOW), 1)).isEqualTo(Outcome.done());

                assertThat(table.byTarget(asg.key(), 10)).singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(OperationStatus.SUCCEEDED);
                    assertThat(r.attempts()).isEqualTo(2);
                    assertThat(r.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
                });
                assertThat(fleet.handle(item(Action.WAKE, asg, NOW.plus(Duration.ofHours(12))), 1)).isEqualTo(Outcome.done());
                assertThat(fleet.capacityOf(asg)).isEqualTo(AWAKE);
                assertThat(table.byTarget(ng.key(), 10)).singleElement()
                        .satisfies(r -> assertThat(r.after()).isEqualTo(new Capacity(0, 0, 1)));
            }
        }
    }

    @Test
    void theOperationsTableRefusesToRecordTwiceOrToRegressAFinalStatus(MotoServer moto) {
        try (DynamoDbClient dynamo = moto.client(DynamoDbClient.builder())) {
            DynamoDbOperationStore table = operationsTable(moto, dynamo);
            OperationRecord progress = record(OperationStatus.IN_PROGRESS, null);
            OperationRecord failed = record(OperationStatus.FAILED, "AccessDenied");
            OperationRecord succeeded = record(OperationStatus.SUCCEEDED, null);

            assertThat(table.save(progress)).isTrue();
            assertThat(table.save(failed)).isTrue();
            assertThat(table.save(progress)).as("FAILED never goes back to IN_PROGRESS").isFalse();
            assertThat(table.save(succeeded)).as("a redrive may still succeed").isTrue();
            assertThat(table.save(failed)).as("SUCCEEDED is final").isFalse();
            assertThat(table.save(succeeded)).as("and is never recorded twice").isFalse();
            assertThat(table.find(succeeded.key())).contains(succeeded);
            assertThat(dynamo.query(b -> b.tableName("offhours-operations").indexName(TableDefinitions.FAILURES)
                    .keyConditionExpression("#f = :f")
                    .expressionAttributeNames(java.util.Map.of("#f", TableDefinitions.FAILED_PK))
                    .expressionAttributeValues(java.util.Map.of(":f",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("2026-03-02#"
                                    + Math.floorMod(succeeded.targetKey().hashCode(), 10))))).count())
                    .as("the failures index is sparse: a record that recovered leaves it").isZero();
        }
    }

    private static OperationRecord record(OperationStatus status, String errorCode) {
        Target target = Target.asg("111111111111", "us-east-1", "web");
        return new OperationRecord("office-hours", NOW, target.key(), Action.SLEEP, AWAKE, new Capacity(0, 0, 0), status,
                1, errorCode, "m", Duration.ofMillis(120), "0af7651916cd43dd8448eb211c80319c", null, NOW, NOW,
                NOW.plus(Duration.ofDays(90)));
    }
}

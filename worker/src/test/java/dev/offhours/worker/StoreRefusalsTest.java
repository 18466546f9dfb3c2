package dev.offhours.worker;

import static dev.offhours.worker.MotoFleet.SCHEDULE;
import static dev.offhours.worker.MotoFleet.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.StoreRefusedException;
import dev.offhours.core.port.StoreUnavailableException;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.testsupport.MutableClock;
import dev.offhours.aws.AwsErrors;
import dev.offhours.aws.AwsFailure;
import dev.offhours.store.dynamodb.DynamoDbOperationStore;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.store.dynamodb.TableDefinitions;
import dev.offhours.store.dynamodb.DynamoDbInventoryStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * A hub table that refuses (access denied, missing, an invalid request) fails the item once, to the dead-letter
 * queue with the store's reason, and leaves the target alone; an unavailable one is still waited for. The real worker
 * on moto; refusals moto cannot produce are injected into the inventory table's client.
 */
@ExtendWith(MotoExtension.class)
class StoreRefusalsTest {

    private static final Capacity AWAKE = new Capacity(2, 3, 10);

    /** Answers every call with the given DynamoDB error while set. */
    static final class Refusal implements ExecutionInterceptor {
        volatile String code;
        volatile int status;

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (code != null) {
                throw DynamoDbException.builder().statusCode(status).message("simulated " + code)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("simulated " + code)
                                .build()).build();
            }
        }
    }

    private final Refusal refusal = new Refusal();
    private MotoServer moto;
    private DynamoDbClient dynamo;
    private DynamoDbClient refusingDynamo;
    private DynamoDbInventoryStore inventory;
    private MotoFleet fleet;

    @BeforeEach
    void hub(MotoServer moto) {
        this.moto = moto;
        dynamo = moto.client(DynamoDbClient.builder());
        dynamo.createTable(HubTableDefinitions.inventoryTable("offhours-inventory"));
        TableDefinitions.createOperationsTable(dynamo, "offhours-operations");
        refusingDynamo = moto.client(DynamoDbClient.builder().overrideConfiguration(o -> o
                .addExecutionInterceptor(refusal).retryStrategy(AwsRetryStrategy.doNotRetry())));
        inventory = new DynamoDbInventoryStore(refusingDynamo, "offhours-inventory");
    }

    @AfterEach
    void close() {
        if (fleet != null) {
            fleet.close();
        }
        refusingDynamo.close();
        dynamo.close();
    }

    private Target start(String operationsTable) {
        fleet = new MotoFleet(moto, new DynamoDbOperationStore(dynamo, operationsTable), inventory, inventory,
                new MutableClock(MotoFleet.NOW.plusSeconds(5)), SpokeWorker.Settings.defaults(), List.of(),
                List.of());
        Target target = fleet.createAsg("111111111111", "web", AWAKE, MotoFleet.optIn());
        inventory.upsert(new InventoryItem(target, SCHEDULE, Map.of(OffhoursTags.SCHEDULE, SCHEDULE), AWAKE, null,
                TargetState.AWAKE, null, InventoryItem.DISCOVERY, 1, MotoFleet.NOW));
        return target;
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
            "AccessDeniedException, 400, may not use table offhours-inventory",
            "ValidationException,   400, the request is invalid for table offhours-inventory",
            "ResourceNotFoundException, 400, table offhours-inventory does not exist"})
    void aRefusingTableFailsTheItemOnceWithItsReasonAndLeavesTheTargetAlone(String code, int status, String fix) {
        Target target = start("offhours-operations");
        refusal.status = status;
        refusal.code = code;

        Outcome outcome = fleet.handle(item(Action.SLEEP, target, MotoFleet.NOW), 1);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Reject.class, reject -> assertThat(reject.reason())
                .contains("retrying cannot help").contains(code).contains(fix));
        assertThat(fleet.capacityOf(target)).isEqualTo(AWAKE);
    }

    @Test
    void aMissingOperationsTableFailsTheItemOnce() {
        Target target = start("no-such-table");

        Outcome outcome = fleet.handle(item(Action.SLEEP, target, MotoFleet.NOW), 1);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Reject.class, reject -> assertThat(reject.reason())
                .contains("ResourceNotFoundException").contains("table no-such-table does not exist"));
        assertThat(fleet.capacityOf(target)).isEqualTo(AWAKE);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"InternalServerError, 500", "ProvisionedThroughputExceededException, 400",
            "ThrottlingException, 400"})
    void anUnavailableTableIsStillWaitedFor(String code, int status) {
        Target target = start("offhours-operations");
        refusal.status = status;
        refusal.code = code;

        assertThat(fleet.handle(item(Action.SLEEP, target, MotoFleet.NOW), 1)).isInstanceOf(Outcome.RetryLater.class);
    }

    @Test
    void oneClassificationForSpokeAndStoreCalls() {
        assertThat(AwsErrors.classify(SdkClientException.create("connection reset"))).isEqualTo(AwsFailure.TRANSIENT);
        assertThat(AwsErrors.classify(new IllegalStateException("a bug"))).isEqualTo(AwsFailure.INVALID);
        assertThat(AwsErrors.classify(error("ThrottlingException", 400))).isEqualTo(AwsFailure.THROTTLED);
        assertThat(AwsErrors.classify(error("InternalServerError", 500))).isEqualTo(AwsFailure.TRANSIENT);
        assertThat(AwsErrors.classify(error("AccessDeniedException", 400))).isEqualTo(AwsFailure.ACCESS_DENIED);
        assertThat(AwsErrors.classify(error("Whatever", 403))).isEqualTo(AwsFailure.ACCESS_DENIED);
        assertThat(AwsErrors.classify(error("ResourceNotFoundException", 400))).isEqualTo(AwsFailure.INVALID);
        assertThat(dev.offhours.store.dynamodb.DynamoDbCalls.failure("t", "cannot read", error("ValidationException",
                400))).isInstanceOf(StoreRefusedException.class);
        assertThat(dev.offhours.store.dynamodb.DynamoDbCalls.failure("t", "cannot read", error("InternalServerError",
                500))).isExactlyInstanceOf(StoreUnavailableException.class);
    }

    private static DynamoDbException error(String code, int status) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }
}

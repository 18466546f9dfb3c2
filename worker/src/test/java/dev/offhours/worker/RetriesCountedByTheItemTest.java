package dev.offhours.worker;

import static dev.offhours.worker.MotoFleet.SCHEDULE;
import static dev.offhours.worker.MotoFleet.item;
import static dev.offhours.worker.runtime.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.testsupport.ElasticMqExtension;
import dev.offhours.testsupport.EmbeddedElasticMq;
import dev.offhours.testsupport.EmbeddedElasticMq.QueuePair;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.testsupport.MutableClock;
import dev.offhours.worker.runtime.PoolSettings;
import dev.offhours.worker.runtime.SqsWorkerPool;
import dev.offhours.worker.runtime.lambda.WorkerLambdaHandler;
import dev.offhours.store.dynamodb.DynamoDbOperationStore;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.store.dynamodb.TableDefinitions;
import dev.offhours.store.dynamodb.DynamoDbInventoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eks.model.DescribeNodegroupResponse;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigResponse;
import software.amazon.awssdk.services.eks.model.UpdateStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Trouble that lasts longer than the work queue's redrive policy allows (maxReceiveCount 2) is ridden out, because a
 * retry is a new copy of the item carrying its attempt, not another receive of the same message; trouble that
 * outlasts the worker's retry budget ends in a FAILED {@code RetriesExhausted} record, never in the dead-letter queue.
 * The real worker on moto (spoke APIs, hub tables) behind the real runtimes on ElasticMQ; the trouble is injected
 * into the SDK clients and cleared when the item reaches a given attempt.
 */
@ExtendWith({MotoExtension.class, ElasticMqExtension.class})
class RetriesCountedByTheItemTest {

    private static final Capacity AWAKE = new Capacity(2, 3, 10);
    private static final Instant T1 = MotoFleet.NOW;
    private static final int MAX_RECEIVE_COUNT = 2;
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final WorkItemCodec CODEC = new WorkItemCodec();

    enum Trouble {
        /** The inventory table cannot be reached: the worker cannot begin the intent. */
        STORE_OUTAGE,
        /** The node group is UPDATING with someone else's change: the worker waits before acting. */
        BUSY_NODEGROUP,
        /** The worker's own EKS update stays InProgress: recorded IN_PROGRESS, confirmed by later attempts. */
        SLOW_UPDATE
    }

    enum Runtime { POOL, LAMBDA }

    /** Fails every call of the client it is installed on while on, as an unreachable endpoint would. */
    static final class Outage implements ExecutionInterceptor {
        volatile boolean on;

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (on) {
                throw SdkClientException.create("simulated outage: the inventory table cannot be reached");
            }
        }
    }

    /** What moto cannot do: keep a node group UPDATING, and answer an update InProgress. */
    static final class SlowNodegroups implements ExecutionInterceptor {
        volatile boolean on;
        volatile boolean busyFromTheStart;
        private volatile boolean updateIssued;

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            SdkResponse response = context.response();
            if (!on) {
                return response;
            }
            if (response instanceof UpdateNodegroupConfigResponse update) {
                updateIssued = true;
                return update.toBuilder().update(update.update().toBuilder().status(UpdateStatus.IN_PROGRESS).build())
                        .build();
            }
            if (response instanceof DescribeNodegroupResponse describe && (busyFromTheStart || updateIssued)) {
                return describe.toBuilder().nodegroup(describe.nodegroup().toBuilder()
                        .status(NodegroupStatus.UPDATING).build()).build();
            }
            return response;
        }
    }

    private final EmbeddedElasticMq mq;
    private final SqsClient sqs;
    private final Outage outage = new Outage();
    private final SlowNodegroups nodegroups = new SlowNodegroups();
    private final List<int[]> deliveries = new CopyOnWriteArrayList<>();
    private MotoServer moto;
    private DynamoDbClient dynamo;
    private DynamoDbClient flakyDynamo;
    private DynamoDbInventoryStore inventory;
    private DynamoDbOperationStore operations;
    private QueuePair queues;
    private MotoFleet fleet;
    private SqsWorkerPool pool;

    RetriesCountedByTheItemTest(EmbeddedElasticMq mq, SqsClient sqs) {
        this.mq = mq;
        this.sqs = sqs;
    }

    @BeforeEach
    void hub(MotoServer moto) {
        this.moto = moto;
        dynamo = moto.client(DynamoDbClient.builder());
        dynamo.createTable(HubTableDefinitions.inventoryTable("offhours-inventory"));
        TableDefinitions.createOperationsTable(dynamo, "offhours-operations");
        // the SDK's own retries would hide the outage behind seconds of backoff
        flakyDynamo = moto.client(DynamoDbClient.builder().overrideConfiguration(o -> o
                .addExecutionInterceptor(outage).retryStrategy(AwsRetryStrategy.doNotRetry())));
        inventory = new DynamoDbInventoryStore(flakyDynamo, "offhours-inventory");
        operations = new DynamoDbOperationStore(dynamo, "offhours-operations");
        queues = mq.createQueueWithDeadLetter("retries", MAX_RECEIVE_COUNT, 60);
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.stop(Duration.ofSeconds(5));
        }
        if (fleet != null) {
            fleet.close();
        }
        flakyDynamo.close();
        dynamo.close();
    }

    static Stream<Arguments> riddenOut() {
        return Stream.of(
                Arguments.of(Trouble.STORE_OUTAGE, Runtime.POOL),
                Arguments.of(Trouble.BUSY_NODEGROUP, Runtime.POOL),
                Arguments.of(Trouble.SLOW_UPDATE, Runtime.POOL),
                Arguments.of(Trouble.STORE_OUTAGE, Runtime.LAMBDA),
                Arguments.of(Trouble.SLOW_UPDATE, Runtime.LAMBDA));
    }

    @ParameterizedTest(name = "{0} through the {1}")
    @MethodSource("riddenOut")
    void troubleLongerThanTheRedrivePolicyAllowsIsRiddenOutAndItsAttemptsCounted(Trouble trouble, Runtime runtime) {
        int clearedAt = MAX_RECEIVE_COUNT + 2;
        Target target = start(trouble, 30);

        OperationRecord record = run(runtime, target, clearedAt);

        assertThat(record.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(record.attempts()).isEqualTo(clearedAt);
        assertThat(fleet.capacityOf(target)).isEqualTo(asleep(target));
        if (trouble == Trouble.SLOW_UPDATE) {
            assertThat(record.updateId()).as("the update of the first attempt, confirmed by the last").isNotBlank();
            assertThat(record.message()).contains("confirmed");
        }
        assertThat(inventory.get(target).orElseThrow().intent().outcome()).isEqualTo(OperationStatus.SUCCEEDED);
        assertDeliveredAsCopies(clearedAt);
        assertQueuesEmpty();
    }

    static Stream<Arguments> exhausted() {
        return Stream.of(
                Arguments.of(Trouble.SLOW_UPDATE, Runtime.POOL),
                Arguments.of(Trouble.STORE_OUTAGE, Runtime.POOL),
                Arguments.of(Trouble.SLOW_UPDATE, Runtime.LAMBDA));
    }

    @ParameterizedTest(name = "{0} through the {1}")
    @MethodSource("exhausted")
    void troubleThatOutlastsTheRetryBudgetEndsInAFailedRecordNotInTheDeadLetterQueue(Trouble trouble, Runtime runtime) {
        int budget = MAX_RECEIVE_COUNT + 1;
        Target target = start(trouble, budget);

        OperationRecord record = run(runtime, target, Integer.MAX_VALUE);

        assertThat(record.status()).as("nothing left IN_PROGRESS").isEqualTo(OperationStatus.FAILED);
        assertThat(record.errorCode()).isEqualTo(SpokeWorker.RETRIES_EXHAUSTED);
        assertThat(record.attempts()).isEqualTo(budget);
        assertThat(record.message()).contains("gave up after " + budget + " attempts")
                .contains(trouble == Trouble.STORE_OUTAGE ? "simulated outage" : "still in progress");
        assertDeliveredAsCopies(budget);
        assertQueuesEmpty();
        outage.on = false;
        Optional<InventoryItem> item = inventory.get(target);
        if (trouble == Trouble.STORE_OUTAGE) {
            assertThat(item.orElseThrow().intent()).as("the intent could never begin").isNull();
        } else {
            assertThat(record.updateId()).as("the update left behind is named").isNotBlank();
            assertThat(item.orElseThrow().intent().outcome()).isEqualTo(OperationStatus.FAILED);
        }
    }

    /** Creates the target and the worker (retry delays of about a second, so SQS's whole-second delays are short). */
    private Target start(Trouble trouble, int retryBudget) {
        SpokeWorker.Settings settings = SpokeWorker.Settings.defaults()
                .withDelays(Duration.ofMillis(500), Duration.ofMillis(300)).withRetryBudget(retryBudget);
        fleet = new MotoFleet(moto, operations, inventory, inventory, new MutableClock(T1.plusSeconds(5)), settings,
                List.of(nodegroups), List.of());
        Target target = trouble == Trouble.STORE_OUTAGE
                ? fleet.createAsg("111111111111", "web", AWAKE, MotoFleet.optIn())
                : fleet.createNodegroup("111111111111", "prod", "ng-1", AWAKE, MotoFleet.optIn());
        inventory.upsert(new InventoryItem(target, SCHEDULE, Map.of(OffhoursTags.SCHEDULE, SCHEDULE), AWAKE, null,
                TargetState.AWAKE, null, InventoryItem.DISCOVERY, 1, T1));
        outage.on = trouble == Trouble.STORE_OUTAGE;
        nodegroups.on = trouble != Trouble.STORE_OUTAGE;
        nodegroups.busyFromTheStart = trouble == Trouble.BUSY_NODEGROUP;
        return target;
    }

    /** Sends the evening's SLEEP and runs the runtime until its record is final; clears the trouble at an attempt. */
    private OperationRecord run(Runtime runtime, Target target, int clearedAt) {
        sqs.sendMessage(b -> b.queueUrl(queues.workQueueUrl())
                .messageBody(CODEC.encode(item(Action.SLEEP, target, T1))));
        WorkItemHandler tap = message -> {
            WorkItem item = CODEC.decode(message.body());
            deliveries.add(new int[] {item.attempt(), message.receiveCount()});
            if (item.attempt() >= clearedAt) {
                outage.on = false;
                nodegroups.on = false;
            }
            return fleet.worker.handle(message);
        };
        OperationRecord.Key key = new OperationRecord.Key(SCHEDULE, T1, target.key());
        if (runtime == Runtime.POOL) {
            pool = new SqsWorkerPool(sqs, tap, PoolSettings.defaults(queues.workQueueUrl(), queues.deadLetterQueueUrl())
                    .withReceiveWait(Duration.ofSeconds(1)));
            pool.start();
            await("a final record", PATIENCE, () -> finalRecord(key).isPresent());
        } else {
            WorkerLambdaHandler lambda = new WorkerLambdaHandler(tap, sqs, queues.deadLetterQueueUrl());
            String arn = sqs.getQueueAttributes(b -> b.queueUrl(queues.workQueueUrl())
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            await("a final record", PATIENCE, () -> {
                invokeAsTheEventSourceMappingWould(lambda, arn);
                return finalRecord(key).isPresent();
            });
        }
        return finalRecord(key).orElseThrow();
    }

    private Optional<OperationRecord> finalRecord(OperationRecord.Key key) {
        return operations.find(key).filter(r -> r.status().isFinal());
    }

    /** One poll of the event source mapping: receive, invoke, delete what the function did not report as failed. */
    private void invokeAsTheEventSourceMappingWould(WorkerLambdaHandler lambda, String queueArn) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queues.workQueueUrl()).maxNumberOfMessages(10)
                .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages();
        if (messages.isEmpty()) {
            return;
        }
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setEventSourceArn(queueArn);
            record.setAttributes(Map.of("ApproximateReceiveCount",
                    message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)));
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        SQSBatchResponse response = lambda.handleRequest(event, null);
        Set<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
        messages.stream().filter(m -> !failed.contains(m.messageId()))
                .forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queues.workQueueUrl()).receiptHandle(m.receiptHandle())));
    }

    /** Every attempt arrived as its own copy, received once: no receive count was spent on a retry. */
    private void assertDeliveredAsCopies(int attempts) {
        assertThat(deliveries).extracting(d -> d[0])
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, attempts).boxed().toList());
        assertThat(deliveries).extracting(d -> d[1]).containsOnly(1);
    }

    private void assertQueuesEmpty() {
        await("the work queue empty", PATIENCE, () -> mq.approximateMessages(queues.workQueueUrl()) == 0);
        assertThat(mq.approximateMessages(queues.deadLetterQueueUrl())).as("nothing dead-lettered").isZero();
    }

    private static Capacity asleep(Target target) {
        return target.cluster() == null ? new Capacity(0, 0, 0) : new Capacity(0, 0, 1);
    }
}

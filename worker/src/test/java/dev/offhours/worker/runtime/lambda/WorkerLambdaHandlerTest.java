package dev.offhours.worker.runtime.lambda;

import static dev.offhours.worker.runtime.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.offhours.core.notify.HubSignals;
import dev.offhours.testsupport.ElasticMqExtension;
import dev.offhours.testsupport.EmbeddedElasticMq;
import dev.offhours.testsupport.EmbeddedElasticMq.QueuePair;
import dev.offhours.worker.Outcome;
import dev.offhours.worker.WorkItemHandler;
import dev.offhours.worker.runtime.DeadLetters;
import dev.offhours.worker.runtime.WorkItems;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The Lambda handler fed with the SQS event the event source mapping would build from real queue messages. */
@ExtendWith(ElasticMqExtension.class)
class WorkerLambdaHandlerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** Schedule names tell the handler what to answer, like the real worker would for those situations. */
    private static final WorkItemHandler HANDLER = WorkItems.decoding(item -> switch (item.schedule()) {
        case "busy" -> Outcome.retryLater(Duration.ofSeconds(1), "node group update in progress");
        case "crash" -> throw new IllegalStateException("worker bug");
        default -> Outcome.done();
    });

    @Test
    void reportsOnlyTheCrashedMessagesAsBatchItemFailuresAndRetriesAsNewAttempts(EmbeddedElasticMq mq, SqsClient sqs) {
        QueuePair queues = mq.createQueueWithDeadLetter("lambda", 5, 60);
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("good", WorkItems.body("office-hours", "asg-good"));
        bodies.put("busy", WorkItems.body("busy", "ng-busy"));
        bodies.put("malformed", WorkItems.NOT_JSON);
        bodies.put("unknown-version", WorkItems.UNKNOWN_VERSION);
        bodies.put("crash", WorkItems.body("crash", "asg-crash"));
        bodies.put("good-too", WorkItems.body("office-hours", "asg-good-too"));
        bodies.values().forEach(body -> sqs.sendMessage(b -> b.queueUrl(queues.workQueueUrl()).messageBody(body)));
        Map<String, Message> received = receive(sqs, queues.workQueueUrl(), bodies.size()).stream()
                .collect(Collectors.toMap(Message::body, m -> m));

        SQSBatchResponse response = new WorkerLambdaHandler(HANDLER, sqs, queues.deadLetterQueueUrl())
                .handleRequest(event(queueArn(sqs, queues.workQueueUrl()), received.values()), null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(received.get(bodies.get("crash")).messageId());
        Map<String, String> reasonByBody = receive(sqs, queues.deadLetterQueueUrl(), 2).stream()
                .collect(Collectors.toMap(Message::body,
                        m -> m.messageAttributes().get(DeadLetters.REASON_ATTRIBUTE).stringValue()));
        assertThat(reasonByBody).containsOnlyKeys(WorkItems.NOT_JSON, WorkItems.UNKNOWN_VERSION);
        assertThat(reasonByBody.get(WorkItems.UNKNOWN_VERSION)).contains("unknown work item version 99");
        // The queue's visibility timeout is 60 s: what is back within seconds is the busy item's next attempt,
        // sent with the retry delay; the crashed message stays hidden until the timeout.
        assertThat(receive(sqs, queues.workQueueUrl(), 1)).extracting(m -> WorkItems.CODEC.decode(m.body()))
                .containsExactly(WorkItems.CODEC.decode(bodies.get("busy")).withAttempt(2));
    }

    @Test
    void anAccountBundleIsDeletedOnceEachItemIsSettledAndKeptWhenOneOfItsItemsCrashed(EmbeddedElasticMq mq,
                                                                                        SqsClient sqs) {
        QueuePair queues = mq.createQueueWithDeadLetter("lambda-bundles", 5, 60);
        String settled = WorkItems.CODEC.encodeBundle(List.of(item("office-hours", "asg-1"), item("busy", "ng-2"),
                item("office-hours", "asg-3")));
        String crashing = WorkItems.CODEC.encodeBundle(List.of(item("office-hours", "asg-4"), item("crash", "asg-5")));
        List.of(settled, crashing).forEach(body -> sqs.sendMessage(b -> b.queueUrl(queues.workQueueUrl())
                .messageBody(body)));
        Map<String, Message> received = receive(sqs, queues.workQueueUrl(), 2).stream()
                .collect(Collectors.toMap(Message::body, m -> m));

        SQSBatchResponse response = new WorkerLambdaHandler(HANDLER, sqs, queues.deadLetterQueueUrl())
                .handleRequest(event(queueArn(sqs, queues.workQueueUrl()), received.values()), null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .as("only the bundle with a crashed item comes back")
                .containsExactly(received.get(crashing).messageId());
        assertThat(receive(sqs, queues.workQueueUrl(), 1)).extracting(m -> WorkItems.CODEC.decode(m.body()))
                .as("the busy item goes back alone, as its next attempt")
                .containsExactly(item("busy", "ng-2").withAttempt(2));
    }

    private static dev.offhours.core.work.WorkItem item(String schedule, String name) {
        return WorkItems.CODEC.decode(WorkItems.body(schedule, name));
    }

    @Test
    void eachDeadLetteredItemIsLoggedAsTheWorkItemsDeadLetteredMetric(EmbeddedElasticMq mq, SqsClient sqs) {
        QueuePair queues = mq.createQueueWithDeadLetter("lambda-emf", 5, 60);
        List.of(WorkItems.NOT_JSON, WorkItems.body("office-hours", "asg-good"), WorkItems.UNKNOWN_VERSION)
                .forEach(body -> sqs.sendMessage(b -> b.queueUrl(queues.workQueueUrl()).messageBody(body)));
        List<Message> received = receive(sqs, queues.workQueueUrl(), 3);
        PrintStream original = System.out;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            new WorkerLambdaHandler(HANDLER, sqs, queues.deadLetterQueueUrl())
                    .handleRequest(event(queueArn(sqs, queues.workQueueUrl()), received), null);
        } finally {
            System.setOut(original);
        }
        assertThat(logged.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("{\"_aws\""))
                .filter(line -> line.endsWith("\"" + HubSignals.WORK_ITEMS_DEAD_LETTERED + "\":1}")))
                .hasSize(2);
    }

    @Test
    void anEmptyEventHasNoFailures(SqsClient sqs) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of());

        assertThat(new WorkerLambdaHandler(HANDLER, sqs, "http://unused").handleRequest(event, null)
                .getBatchItemFailures()).isEmpty();
    }

    private static SQSEvent event(String queueArn, Iterable<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAttributes(Map.of("ApproximateReceiveCount",
                    message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")));
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static String queueArn(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static List<Message> receive(SqsClient sqs, String queueUrl, int expected) {
        List<Message> all = new ArrayList<>();
        await(expected + " messages on " + queueUrl, PATIENCE, () -> {
            all.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages());
            return all.size() >= expected;
        });
        return all;
    }
}

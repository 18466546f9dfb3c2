package dev.offhours.reconciler.events;

import dev.offhours.core.events.SpokeEventPatterns;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The hub's event plumbing in moto: an event bus with one rule per spoke pattern, each delivering the whole envelope
 * to an events queue, and the events dead-letter queue the updater sends refused messages to. Everything is created
 * in the account of the clients given; the caller owns (and closes) them.
 *
 * <p>moto delivers a rule's SQS target only into the rule's own account, so the queue and the bus share an account.
 */
public final class HubEventBus {

    public static final String BUS = "offhours-hub";

    /**
     * moto's default delivery drops the envelope's {@code account} (AWS keeps it). The predefined variable
     * {@code <aws.events.event.json>} restores the whole envelope AWS delivers (moto adds an ingestion time, which the
     * updater ignores); the single input path keeps moto from evaluating its eight default JSONPaths per event.
     */
    private static final InputTransformer ENVELOPE = InputTransformer.builder()
            .inputPathsMap(Map.of("id", "$.id"))
            .inputTemplate("<aws.events.event.json>")
            .build();

    private final EventBridgeClient events;
    private final String queueUrl;
    private final String deadLetterUrl;

    private HubEventBus(EventBridgeClient events, String queueUrl, String deadLetterUrl) {
        this.events = events;
        this.queueUrl = queueUrl;
        this.deadLetterUrl = deadLetterUrl;
    }

    /** Creates the queues ({@code offhours-events}, {@code offhours-events-dlq}), the bus and its rules. */
    public static HubEventBus create(EventBridgeClient events, SqsClient sqs) {
        String deadLetterUrl = sqs.createQueue(b -> b.queueName("offhours-events-dlq")).queueUrl();
        String queueUrl = sqs.createQueue(b -> b.queueName("offhours-events")
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"))).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        events.createEventBus(b -> b.name(BUS));
        for (SpokeEventPatterns.Pattern pattern : SpokeEventPatterns.all()) {
            events.putRule(b -> b.name("offhours-" + pattern.name()).eventBusName(BUS).eventPattern(pattern.json()));
            events.putTargets(b -> b.rule("offhours-" + pattern.name()).eventBusName(BUS)
                    .targets(t -> t.id("events-queue").arn(queueArn).inputTransformer(ENVELOPE)));
        }
        return new HubEventBus(events, queueUrl, deadLetterUrl);
    }

    public String queueUrl() {
        return queueUrl;
    }

    public String deadLetterUrl() {
        return deadLetterUrl;
    }

    /** PutEvents in batches of ten (the API's limit); fails when EventBridge refuses any entry. */
    public void put(List<PutEventsRequestEntry> entries) {
        for (int from = 0; from < entries.size(); from += 10) {
            List<PutEventsRequestEntry> batch = entries.subList(from, Math.min(entries.size(), from + 10));
            PutEventsResponse response = events.putEvents(b -> b.entries(batch));
            if (response.failedEntryCount() > 0) {
                throw new IllegalStateException("PutEvents refused entries: " + response.entries());
            }
        }
    }
}

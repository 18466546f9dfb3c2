package dev.offhours.worker.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * {@code redrive}: moves messages from the dead-letter queue back to the work queue, after an operator fixed what
 * made them fail (a role, a quota, a worker bug). Bodies travel unchanged; the reject attributes that
 * {@link DeadLetters} added are dropped, other message attributes are kept. A message is deleted from the
 * dead-letter queue only after the work queue accepted it, so a crash in between duplicates, never loses (work items
 * are idempotent).
 */
public final class DeadLetterRedrive {

    private static final Set<String> REJECT_ATTRIBUTES = Set.of(DeadLetters.REASON_ATTRIBUTE,
            DeadLetters.ORIGINAL_MESSAGE_ID_ATTRIBUTE, DeadLetters.RECEIVE_COUNT_ATTRIBUTE);

    private final SqsClient sqs;

    public DeadLetterRedrive(SqsClient sqs) {
        this.sqs = sqs;
    }

    /**
     * @param atMost move no more than this many (a bound, so a redrive of a huge queue is deliberate)
     * @return how many were moved and how many the work queue refused (those stay in the dead-letter queue)
     */
    public Result redrive(String deadLetterQueueUrl, String workQueueUrl, int atMost) {
        if (atMost < 1) {
            throw new IllegalArgumentException("redrive needs a bound of at least 1 message but got " + atMost);
        }
        int moved = 0;
        int refused = 0;
        while (moved + refused < atMost) {
            int batch = Math.min(10, atMost - moved - refused);
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(deadLetterQueueUrl).maxNumberOfMessages(batch)
                    .waitTimeSeconds(1).messageAttributeNames("All")).messages();
            if (messages.isEmpty()) {
                break;
            }
            List<Message> accepted = sendAll(messages, workQueueUrl);
            deleteAll(accepted, deadLetterQueueUrl);
            moved += accepted.size();
            refused += messages.size() - accepted.size();
        }
        return new Result(moved, refused);
    }

    /** @param moved messages now on the work queue; @param refused messages the work queue did not accept */
    public record Result(int moved, int refused) {
    }

    private List<Message> sendAll(List<Message> messages, String workQueueUrl) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        Map<String, Message> byEntryId = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            String id = "r" + i;
            byEntryId.put(id, message);
            entries.add(SendMessageBatchRequestEntry.builder().id(id).messageBody(message.body())
                    .messageAttributes(withoutRejectAttributes(message.messageAttributes())).build());
        }
        SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(workQueueUrl).entries(entries));
        return response.successful().stream().map(entry -> byEntryId.get(entry.id())).collect(Collectors.toList());
    }

    private void deleteAll(List<Message> messages, String deadLetterQueueUrl) {
        if (messages.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id("d" + i)
                    .receiptHandle(messages.get(i).receiptHandle()).build());
        }
        sqs.deleteMessageBatch(b -> b.queueUrl(deadLetterQueueUrl).entries(entries));
    }

    private static Map<String, MessageAttributeValue> withoutRejectAttributes(Map<String, MessageAttributeValue> all) {
        Map<String, MessageAttributeValue> kept = new HashMap<>(all);
        kept.keySet().removeAll(REJECT_ATTRIBUTES);
        return kept;
    }
}

package dev.offhours.worker.runtime;

import dev.offhours.worker.ReceivedMessage;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Sends a message that can never succeed to the dead-letter queue, unchanged, with the reason beside it as message
 * attributes (so an operator reading the queue sees why, and {@code redrive} can send the body back untouched).
 */
public final class DeadLetters {

    public static final String REASON_ATTRIBUTE = "offhours-reject-reason";
    public static final String ORIGINAL_MESSAGE_ID_ATTRIBUTE = "offhours-original-message-id";
    public static final String RECEIVE_COUNT_ATTRIBUTE = "offhours-receive-count";

    /** Reasons are sentences; a runaway one (a stack dump in a message) is cut to keep the attribute readable. */
    private static final int MAX_REASON_CHARS = 2_000;

    private final SqsClient sqs;
    private final String deadLetterQueueUrl;

    public DeadLetters(SqsClient sqs, String deadLetterQueueUrl) {
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    /** @throws software.amazon.awssdk.core.exception.SdkException if SQS did not take it; the caller keeps the message */
    public void send(ReceivedMessage message, String reason) {
        String body = message.body() == null || message.body().isEmpty() ? "(empty body)" : message.body();
        sqs.sendMessage(b -> b.queueUrl(deadLetterQueueUrl).messageBody(body).messageAttributes(Map.of(
                REASON_ATTRIBUTE, text(shorten(reason)),
                ORIGINAL_MESSAGE_ID_ATTRIBUTE, text(message.messageId()),
                RECEIVE_COUNT_ATTRIBUTE, MessageAttributeValue.builder().dataType("Number")
                        .stringValue(Integer.toString(message.receiveCount())).build())));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static String shorten(String reason) {
        String text = reason == null || reason.isBlank() ? "rejected without a reason" : reason;
        return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS) + "...";
    }
}

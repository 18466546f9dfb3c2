package dev.offhours.reconciler.events;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The events dead-letter queue. Messages the updater refuses go there at once with why (SQS's redrive would only
 * move them after several useless receives, and without a reason).
 */
final class EventsDeadLetters {

    /** Message attribute: a CamelCase code ({@link #UNPARSEABLE}, {@link #ACCOUNT_NOT_ONBOARDED}). */
    static final String REASON_CODE = "offhours-reason-code";
    /** Message attribute: the reason as a sentence. */
    static final String REASON = "offhours-reason";
    static final String UNPARSEABLE = "Unparseable";
    static final String ACCOUNT_NOT_ONBOARDED = "AccountNotOnboarded";

    private static final int MAX_REASON = 1000;

    private final SqsClient sqs;
    private final String queueUrl;

    EventsDeadLetters(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    void send(String body, String code, String reason) {
        String sentence = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body.isEmpty() ? "(empty)" : body)
                .messageAttributes(Map.of(
                        REASON_CODE, text(code),
                        REASON, text(sentence))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}

package dev.offhours.reconciler.service.health;

import com.codahale.metrics.health.HealthCheck;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** GetQueueAttributes on the work queue: reachable, and how many messages wait (visible and in flight). */
public final class QueueHealthCheck extends HealthCheck {

    private final SqsClient sqs;
    private final String queueUrl;

    public QueueHealthCheck(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    protected Result check() {
        try {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            return Result.healthy("work queue answers: " + attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                    + " waiting, " + attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                    + " in flight");
        } catch (SdkException e) {
            return Result.unhealthy("the work queue " + queueUrl + " does not answer: " + e.getMessage());
        }
    }
}

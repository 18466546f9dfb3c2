package dev.offhours.worker.runtime;

import dev.offhours.worker.Outcome;
import dev.offhours.worker.ReceivedMessage;
import dev.offhours.worker.WorkItemHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Runs the handler on one received message and does what its {@link Outcome} asks of the queue. */
final class MessageProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(MessageProcessor.class);

    private final SqsClient sqs;
    private final String workQueueUrl;
    private final WorkItemHandler handler;
    private final DeadLetters deadLetters;
    private final DeleteBatcher deletes;
    private final PoolMetrics metrics;
    private final RetryCopies retries;

    MessageProcessor(SqsClient sqs, String workQueueUrl, WorkItemHandler handler, DeadLetters deadLetters,
                     DeleteBatcher deletes, PoolMetrics metrics) {
        this.sqs = sqs;
        this.workQueueUrl = workQueueUrl;
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.deletes = deletes;
        this.metrics = metrics;
        this.retries = new RetryCopies(sqs);
    }

    static ReceivedMessage toReceived(Message message) {
        String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        return new ReceivedMessage(message.messageId(), message.body(), count == null ? 1 : Integer.parseInt(count));
    }

    void process(Message message) {
        ReceivedMessage received = toReceived(message);
        Outcome outcome;
        try {
            outcome = handler.handle(received);
        } catch (RuntimeException e) {
            // Left alone, the message reappears after its visibility timeout; the queue's redrive policy
            // dead-letters it after maxReceiveCount such crashes.
            metrics.handlerFailed();
            LOG.warn("handler failed on message {} (receive {}); left for redelivery", received.messageId(),
                    received.receiveCount(), e);
            return;
        }
        try {
            apply(outcome, message, received);
        } catch (SdkException e) {
            metrics.sqsError();
            LOG.warn("could not apply {} to message {}; it will be redelivered: {}", outcome, received.messageId(),
                    e.getMessage());
        }
    }

    private void apply(Outcome outcome, Message message, ReceivedMessage received) {
        if (outcome instanceof Outcome.Done) {
            deletes.delete(message.receiptHandle());
            metrics.done();
        } else if (outcome instanceof Outcome.RetryLater retry) {
            if (retries.send(workQueueUrl, message.body(), retry.delay())) {
                deletes.delete(message.receiptHandle());
                LOG.debug("message {} retried as a new attempt in {} s: {}", received.messageId(),
                        RetryCopies.delaySeconds(retry.delay()), retry.reason());
            } else {
                int seconds = Visibility.seconds(retry.delay());
                sqs.changeMessageVisibility(b -> b.queueUrl(workQueueUrl).receiptHandle(message.receiptHandle())
                        .visibilityTimeout(seconds));
                LOG.debug("message {} made visible again in {} s: {}", received.messageId(), seconds, retry.reason());
            }
            metrics.retried();
        } else if (outcome instanceof Outcome.Reject reject) {
            deadLetters.send(received, reject.reason());
            deletes.delete(message.receiptHandle());
            metrics.rejected();
            LOG.warn("message {} rejected to the dead-letter queue: {}", received.messageId(), reject.reason());
        } else {
            throw new IllegalStateException("unknown outcome " + outcome);
        }
    }
}

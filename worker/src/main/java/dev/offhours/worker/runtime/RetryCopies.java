package dev.offhours.worker.runtime;

import dev.offhours.core.work.MalformedWorkItemException;
import dev.offhours.core.work.WorkItemCodec;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Retries a work item by sending its next attempt to the queue with a delay, instead of making the received message
 * visible again: every visibility change spends one of the queue's maxReceiveCount receives, so a store outage or a
 * slow node group update longer than maxReceiveCount retries would end in the dead-letter queue with no record (or
 * an IN_PROGRESS one forever). A copy starts with a fresh receive count and carries its attempt in its body, so the
 * worker's retry budget, not the redrive policy, decides when to give up. The caller sends the copy first and then
 * deletes the original: a crash in between leaves a duplicate, which the intent ledger and the operation record make
 * harmless.
 */
public final class RetryCopies {

    /** SQS delays a message at most 15 minutes. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(RetryCopies.class);

    private final SqsClient sqs;
    private final WorkItemCodec codec = new WorkItemCodec();

    public RetryCopies(SqsClient sqs) {
        this.sqs = sqs;
    }

    /**
     * Sends the next attempt of the work item in {@code body} to {@code queueUrl}, delayed by {@code delay}.
     *
     * @return true if SQS took it; false if the body is no work item this worker reads or the send failed (the
     *         caller keeps the original and falls back to a visibility change)
     */
    public boolean send(String queueUrl, String body, Duration delay) {
        String next;
        try {
            next = codec.nextAttempt(body);
        } catch (MalformedWorkItemException e) {
            return false;
        }
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(next).delaySeconds(delaySeconds(delay)));
            return true;
        } catch (SdkException e) {
            LOG.warn("could not send the next attempt of a work item to {}; its visibility is changed instead: {}",
                    queueUrl, e.getMessage());
            return false;
        }
    }

    /** Whole seconds, rounded up so a retry never comes early, capped at SQS's 900. */
    public static int delaySeconds(Duration delay) {
        return Math.min(Visibility.seconds(delay), (int) MAX_DELAY.toSeconds());
    }
}

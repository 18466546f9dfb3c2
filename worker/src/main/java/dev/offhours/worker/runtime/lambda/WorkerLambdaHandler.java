package dev.offhours.worker.runtime.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.offhours.core.notify.HubSignals;
import dev.offhours.worker.Outcome;
import dev.offhours.worker.ReceivedMessage;
import dev.offhours.worker.WorkItemHandler;
import dev.offhours.worker.tracing.Tracing;
import dev.offhours.worker.runtime.DeadLetters;
import dev.offhours.worker.runtime.RetryCopies;
import dev.offhours.worker.runtime.Visibility;
import dev.offhours.worker.signals.EmbeddedMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The worker as an AWS Lambda function behind an SQS event source mapping with {@code ReportBatchItemFailures}
 * (its {@code MaximumConcurrency} bounds the work in flight, default 50).
 *
 * <p>Per message: Done → success (the mapping deletes it). RetryLater → the item's next attempt is sent to the queue
 * delayed by the delay ({@link RetryCopies}) and the message is reported as a success, so the mapping deletes it and
 * the retry does not spend the queue's maxReceiveCount; if that send fails, the message's visibility is set to the
 * delay and it is reported in {@code batchItemFailures}, so it comes back after the delay, not after the queue's
 * timeout.
 * A handler exception → reported as failed; the queue's redrive policy dead-letters it after maxReceiveCount.
 * Reject → the body goes to the dead-letter queue with its reason and the message is reported as a success, so it
 * is deleted and not retried: retrying a message that can never succeed would only burn maxReceiveCount
 * invocations and lose the reason. If the dead-letter send fails, the message is reported failed instead (never
 * lost; the redrive policy takes it eventually).
 */
public final class WorkerLambdaHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerLambdaHandler.class);
    /** Standard output of a Lambda function goes to CloudWatch Logs, which reads the embedded metrics. */
    static final EmbeddedMetrics METRICS = EmbeddedMetrics.standardOutput(Clock.systemUTC());

    private final WorkItemHandler handler;
    private final SqsClient sqs;
    private final DeadLetters deadLetters;
    private final RetryCopies retries;
    private final Map<String, String> queueUrlBySourceArn = new ConcurrentHashMap<>();

    /** The Lambda runtime's constructor: everything from the function's environment (see {@link LambdaWiring}). */
    public WorkerLambdaHandler() {
        this(LambdaWiring.fromEnvironment(System.getenv(), DefaultCredentialsProvider.builder().build()));
    }

    /**
     * The function as the runtime builds it, from an environment given as a map and the function role's
     * credentials: for running it against an emulator ({@code AWS_ENDPOINT_URL}) and for tests.
     */
    public static WorkerLambdaHandler fromEnvironment(Map<String, String> environment,
            AwsCredentialsProvider functionCredentials) {
        return new WorkerLambdaHandler(LambdaWiring.fromEnvironment(environment, functionCredentials));
    }

    private WorkerLambdaHandler(LambdaWiring wiring) {
        this(wiring.handler(), wiring.sqs(), wiring.deadLetterQueueUrl());
    }

    public WorkerLambdaHandler(WorkItemHandler handler, SqsClient sqs, String deadLetterQueueUrl) {
        this.handler = handler;
        this.sqs = sqs;
        this.deadLetters = new DeadLetters(sqs, deadLetterQueueUrl);
        this.retries = new RetryCopies(sqs);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage record : records) {
            if (!succeeded(record)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
            }
        }
        // the container may be frozen once this returns: the batch's spans leave now (nothing to do when off)
        Tracing.installed().flush();
        return new SQSBatchResponse(failures);
    }

    /** @return true when the event source mapping may delete the message */
    private boolean succeeded(SQSEvent.SQSMessage record) {
        ReceivedMessage message = new ReceivedMessage(record.getMessageId(), record.getBody(), receiveCount(record));
        Outcome outcome;
        try {
            outcome = handler.handle(message);
        } catch (RuntimeException e) {
            LOG.warn("handler failed on message {} (receive {}); reported for retry", message.messageId(),
                    message.receiveCount(), e);
            return false;
        }
        if (outcome instanceof Outcome.Done) {
            return true;
        }
        if (outcome instanceof Outcome.RetryLater retry) {
            return retry(record, retry);
        }
        if (outcome instanceof Outcome.Reject reject) {
            return deadLetter(message, reject.reason());
        }
        throw new IllegalStateException("unknown outcome " + outcome);
    }

    /** @return true when the next attempt is on the queue and this message may be deleted */
    private boolean retry(SQSEvent.SQSMessage record, Outcome.RetryLater retry) {
        String queueUrl;
        try {
            queueUrl = queueUrl(record.getEventSourceArn());
        } catch (SdkException | IllegalArgumentException e) {
            LOG.warn("could not find the queue of message {} to retry it in {} ({}); it returns after the queue's "
                    + "visibility timeout: {}", record.getMessageId(), retry.delay(), retry.reason(), e.getMessage());
            return false;
        }
        if (retries.send(queueUrl, record.getBody(), retry.delay())) {
            return true;
        }
        delay(queueUrl, record, retry);
        return false;
    }

    private void delay(String queueUrl, SQSEvent.SQSMessage record, Outcome.RetryLater retry) {
        try {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(record.getReceiptHandle())
                    .visibilityTimeout(Visibility.seconds(retry.delay())));
        } catch (SdkException e) {
            LOG.warn("could not delay message {} by {} ({}); it returns after the queue's visibility timeout: {}",
                    record.getMessageId(), retry.delay(), retry.reason(), e.getMessage());
        }
    }

    private boolean deadLetter(ReceivedMessage message, String reason) {
        try {
            deadLetters.send(message, reason);
            METRICS.count(HubSignals.WORK_ITEMS_DEAD_LETTERED, 1);
            LOG.warn("message {} rejected to the dead-letter queue: {}", message.messageId(), reason);
            return true;
        } catch (SdkException e) {
            LOG.warn("could not dead-letter rejected message {} ({}); reported for retry: {}", message.messageId(),
                    reason, e.getMessage());
            return false;
        }
    }

    /** {@code arn:aws:sqs:<region>:<account>:<name>} → the queue URL, asked of SQS once per queue. */
    private String queueUrl(String sourceArn) {
        return queueUrlBySourceArn.computeIfAbsent(sourceArn, arn -> {
            String[] parts = arn == null ? new String[0] : arn.split(":");
            if (parts.length != 6 || !"sqs".equals(parts[2])) {
                throw new IllegalArgumentException("event source '" + arn
                        + "' is not an SQS queue ARN like arn:aws:sqs:eu-west-1:123456789012:offhours-work");
            }
            return sqs.getQueueUrl(b -> b.queueName(parts[5]).queueOwnerAWSAccountId(parts[4])).queueUrl();
        });
    }

    private static int receiveCount(SQSEvent.SQSMessage record) {
        String count = record.getAttributes() == null ? null : record.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

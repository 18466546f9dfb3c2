package dev.offhours.worker.runtime.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.offhours.core.notify.HubSignals;
import dev.offhours.worker.ReceivedMessage;
import dev.offhours.worker.WorkItemHandler;
import dev.offhours.worker.tracing.Tracing;
import dev.offhours.worker.runtime.DeadLetters;
import dev.offhours.worker.runtime.MessageWork;
import dev.offhours.worker.runtime.PoolMetrics;
import dev.offhours.worker.runtime.RetryCopies;
import dev.offhours.worker.runtime.Visibility;
import dev.offhours.worker.signals.EmbeddedMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The worker as an AWS Lambda function behind an SQS event source mapping with {@code ReportBatchItemFailures}
 * (its {@code MaximumConcurrency}, default 50, bounds the environments, and so the hub account's Lambda concurrency).
 *
 * <p>One invocation handles its whole batch at once: every work item of every message (a message carries one item or
 * an account bundle, so one environment takes an account's share of a transition and assumes its role once) is
 * started together on the worker's asynchronous engine, and the invocation waits for all of them. Then each item is
 * settled as in the service's pool ({@link MessageWork}): RetryLater sends the item's next attempt delayed by the
 * delay, Reject sends it to the dead-letter queue with its reason. A message whose items are all settled is reported
 * as a success (the mapping deletes it); otherwise it is reported in {@code batchItemFailures}: made visible again
 * after the shortest retry delay when only a copy could not be sent, or after the queue's visibility timeout when a
 * handler threw, so the queue's redrive policy dead-letters what keeps failing.
 */
public final class WorkerLambdaHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerLambdaHandler.class);
    /** Standard output of a Lambda function goes to CloudWatch Logs, which reads the embedded metrics. */
    static final EmbeddedMetrics METRICS = EmbeddedMetrics.standardOutput(Clock.systemUTC());

    private final SqsClient sqs;
    private final PoolMetrics metrics = new PoolMetrics();
    private final MessageWork work;
    private long deadLetteredReported;
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
        this.sqs = sqs;
        this.work = new MessageWork(handler, new RetryCopies(sqs), new DeadLetters(sqs, deadLetterQueueUrl), metrics,
                Runnable::run);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<CompletableFuture<List<MessageWork.Handled>>> started = new ArrayList<>(records.size());
        for (SQSEvent.SQSMessage record : records) {
            ReceivedMessage message = new ReceivedMessage(record.getMessageId(), record.getBody(), receiveCount(record));
            started.add(work.handle(work.items(message)));
        }
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (!settled(records.get(i), started.get(i).join())) {
                failures.add(new SQSBatchResponse.BatchItemFailure(records.get(i).getMessageId()));
            }
        }
        long deadLettered = metrics.snapshot().rejected();
        for (; deadLetteredReported < deadLettered; deadLetteredReported++) {
            METRICS.count(HubSignals.WORK_ITEMS_DEAD_LETTERED, 1);
        }
        // the container may be frozen once this returns: the batch's spans leave now (nothing to do when off)
        Tracing.installed().flush();
        return new SQSBatchResponse(failures);
    }

    /** @return true when the event source mapping may delete the message */
    private boolean settled(SQSEvent.SQSMessage record, List<MessageWork.Handled> handled) {
        MessageWork.Verdict verdict = work.settle(() -> queueUrl(record.getEventSourceArn()), handled);
        if (!verdict.delete() && verdict.retryAfter() != null) {
            try {
                delay(queueUrl(record.getEventSourceArn()), record, verdict.retryAfter());
            } catch (SdkException | IllegalArgumentException e) {
                LOG.warn("could not find the queue of message {} to delay it ({}); it returns after the queue's "
                        + "visibility timeout", record.getMessageId(), e.getMessage());
            }
        }
        return verdict.delete();
    }

    private void delay(String queueUrl, SQSEvent.SQSMessage record, Duration delay) {
        try {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(record.getReceiptHandle())
                    .visibilityTimeout(Visibility.seconds(delay)));
        } catch (SdkException e) {
            LOG.warn("could not delay message {} by {}; it returns after the queue's visibility timeout: {}",
                    record.getMessageId(), delay, e.getMessage());
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

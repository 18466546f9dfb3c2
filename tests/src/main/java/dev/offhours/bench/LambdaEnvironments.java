package dev.offhours.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.offhours.testsupport.EmbeddedElasticMq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The worker as Lambda runs it behind an SQS event source mapping: one thread per concurrent environment (the
 * mapping's maximum concurrency), each with its own function (own worker, caches and clients), handed one batch
 * at a time. As the mapping does, an environment receives up to the batch size, invokes the function with the
 * batch as an {@link SQSEvent}, and deletes the messages not named in {@code batchItemFailures}; a function that
 * throws fails the whole batch, whose messages come back after the visibility timeout.
 */
final class LambdaEnvironments {

    private static final int MAX_RECEIVE = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final int batch;
    private final List<Thread> environments = new ArrayList<>();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong reportedFailures = new AtomicLong();
    private final AtomicLong functionErrors = new AtomicLong();
    private volatile boolean stopping;

    /**
     * @param invocations batches handed to a function
     * @param messages messages in those batches
     * @param reportedFailures messages the functions named in {@code batchItemFailures}
     * @param functionErrors invocations that threw (their whole batch returns to the queue)
     */
    record Figures(long invocations, long messages, long reportedFailures, long functionErrors) {
    }

    LambdaEnvironments(SqsClient sqs, EmbeddedElasticMq.QueuePair queues,
                       List<RequestHandler<SQSEvent, SQSBatchResponse>> functions, int batch) {
        this.sqs = sqs;
        this.queueUrl = queues.workQueueUrl();
        this.queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        this.batch = batch;
        for (int i = 0; i < functions.size(); i++) {
            RequestHandler<SQSEvent, SQSBatchResponse> function = functions.get(i);
            Thread environment = new Thread(() -> invokeUntilStopped(function), "lambda-environment-" + i);
            environment.setDaemon(true);
            environments.add(environment);
        }
    }

    void start() {
        environments.forEach(Thread::start);
    }

    /** Stops polling and waits for the batches being handled. */
    Figures stop() throws InterruptedException {
        stopping = true;
        for (Thread environment : environments) {
            environment.join(30_000);
        }
        return new Figures(invocations.get(), messages.get(), reportedFailures.get(), functionErrors.get());
    }

    private void invokeUntilStopped(RequestHandler<SQSEvent, SQSBatchResponse> function) {
        while (!stopping) {
            List<Message> received = receiveBatch();
            if (received.isEmpty()) {
                continue;
            }
            invocations.incrementAndGet();
            messages.addAndGet(received.size());
            SQSBatchResponse response;
            try {
                // the worker's function reads nothing from the Lambda context
                response = function.handleRequest(event(received), null);
            } catch (RuntimeException e) {
                functionErrors.incrementAndGet();
                continue;
            }
            Set<String> failed = response.getBatchItemFailures() == null ? Set.of()
                    : response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .collect(Collectors.toSet());
            reportedFailures.addAndGet(failed.size());
            delete(received.stream().filter(message -> !failed.contains(message.messageId())).toList());
        }
    }

    /** Up to the batch size: 1 s long poll, then more without waiting while full receives keep coming. */
    private List<Message> receiveBatch() {
        List<Message> received = new ArrayList<>();
        int wait = 1;
        while (received.size() < batch && !stopping) {
            int wanted = Math.min(MAX_RECEIVE, batch - received.size());
            int waitSeconds = wait;
            List<Message> part;
            try {
                part = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(wanted)
                        .waitTimeSeconds(waitSeconds)
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
            } catch (SdkException e) {
                break;
            }
            received.addAll(part);
            if (part.size() < wanted) {
                break;
            }
            wait = 0;
        }
        return received;
    }

    private SQSEvent event(List<Message> received) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : received) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            Map<String, String> attributes = new HashMap<>();
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.setAttributes(attributes);
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion(EmbeddedElasticMq.REGION.id());
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private void delete(List<Message> done) {
        for (int from = 0; from < done.size(); from += MAX_RECEIVE) {
            List<DeleteMessageBatchRequestEntry> entries = done.subList(from, Math.min(done.size(), from + MAX_RECEIVE))
                    .stream().map(message -> DeleteMessageBatchRequestEntry.builder().id(message.messageId())
                            .receiptHandle(message.receiptHandle()).build()).toList();
            try {
                sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            } catch (SdkException e) {
                // as with the mapping: an undeleted message comes back after its visibility timeout
            }
        }
    }
}

package dev.offhours.reconciler.dispatch;

import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.reconciler.dispatch.AccountBundles.Message;
import dev.offhours.worker.runtime.DaemonThreads;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * The work queue on SQS: each account's items in bundles ({@link AccountBundles}), sent in SendMessageBatch requests
 * of up to 10 entries and 256 KiB, {@code concurrency} of them in flight at once. A batch that partly fails is
 * retried with only its failed entries (those SQS does not blame on the sender), after a full-jitter exponential
 * backoff; a request that fails as a whole is retried the same way. The {@link SendReport} counts the items: a bundle
 * sent or given up on counts all of its items.
 * Owns its threads: {@link #close()} stops them, not the SQS client.
 */
public final class SqsWorkQueue implements WorkQueue, AutoCloseable {

    private static final int MAX_ERRORS_KEPT = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final ExecutorService senders;
    private final int maxAttempts;
    private final Duration baseBackoff;
    private final WorkItemCodec codec = new WorkItemCodec();

    /**
     * @param concurrency batches in flight at once (8 to 16 keep one dispatch of 10,000 items within seconds)
     * @param maxAttempts tries per entry, the first included
     * @param baseBackoff first retry waits up to this long, doubling per attempt (full jitter)
     */
    public SqsWorkQueue(SqsClient sqs, String queueUrl, int concurrency, int maxAttempts, Duration baseBackoff) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalArgumentException("the work queue URL must not be empty");
        }
        if (concurrency < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("concurrency and maxAttempts must be at least 1, but were "
                    + concurrency + " and " + maxAttempts);
        }
        this.queueUrl = queueUrl;
        this.maxAttempts = maxAttempts;
        this.baseBackoff = Objects.requireNonNull(baseBackoff, "baseBackoff");
        // each batch is sent in the context of the pass that sent it (its SQS calls join the dispatch span)
        this.senders = Context.taskWrapping(Executors.newFixedThreadPool(concurrency, DaemonThreads.numbered("offhours-sqs-send")));
    }

    public SqsWorkQueue(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, 12, 5, Duration.ofMillis(100));
    }

    @Override
    public CompletableFuture<SendReport> sendAllAsync(List<WorkItem> items) {
        List<Message> messages = AccountBundles.of(items, codec);
        CompletableFuture<SendReport> total = CompletableFuture.completedFuture(SendReport.NOTHING);
        for (List<Message> batch : SqsBatches.split(messages, Message::body)) {
            total = total.thenCombine(CompletableFuture.supplyAsync(() -> sendBatch(batch), senders), SendReport::plus);
        }
        return total;
    }

    @Override
    public OptionalLong backlog() {
        try {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            return OptionalLong.of(attributes.values().stream().mapToLong(Long::parseLong).sum());
        } catch (SdkException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Sends one batch of messages; the report counts the items they carry. */
    private SendReport sendBatch(List<Message> messages) {
        Map<String, Message> byId = new HashMap<>();
        Map<String, SendMessageBatchRequestEntry> remaining = new LinkedHashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            String id = Integer.toString(i);
            byId.put(id, messages.get(i));
            remaining.put(id, SendMessageBatchRequestEntry.builder().id(id).messageBody(messages.get(i).body()).build());
        }
        int calls = 0;
        int sentItems = 0;
        int sentMessages = 0;
        List<String> errors = new ArrayList<>();
        for (int attempt = 1; attempt <= maxAttempts && !remaining.isEmpty(); attempt++) {
            if (attempt > 1) {
                backoff(attempt);
            }
            calls++;
            try {
                SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl)
                        .entries(remaining.values()));
                for (SendMessageBatchResultEntry ok : response.successful()) {
                    if (remaining.remove(ok.id()) != null) {
                        sentItems += byId.get(ok.id()).items();
                        sentMessages++;
                    }
                }
                Map<String, BatchResultErrorEntry> failed = response.failed().stream()
                        .collect(Collectors.toMap(BatchResultErrorEntry::id, Function.identity()));
                for (BatchResultErrorEntry error : failed.values()) {
                    if (Boolean.TRUE.equals(error.senderFault())) {
                        remaining.remove(error.id()); // retrying the same entry cannot succeed
                        keep(errors, "rejected: " + error.code() + " " + error.message() + of(byId.get(error.id())));
                    }
                }
                if (!remaining.isEmpty() && attempt == maxAttempts) {
                    failed.values().forEach(e -> keep(errors, "gave up after " + maxAttempts + " attempts: "
                            + e.code() + " " + e.message() + of(byId.get(e.id()))));
                }
            } catch (SdkException e) {
                if (attempt == maxAttempts) {
                    keep(errors, "gave up after " + maxAttempts + " attempts: " + e.getMessage());
                }
            }
        }
        int items = messages.stream().mapToInt(Message::items).sum();
        return new SendReport(sentItems, items - sentItems, calls, errors, sentMessages);
    }

    /** Which items an error cost, for the log line that names it. */
    private static String of(Message message) {
        return message == null ? "" : " (" + message.items() + (message.items() == 1 ? " work item" : " work items")
                + " of account " + message.account() + ")";
    }

    private void backoff(int attempt) {
        long ceiling = baseBackoff.toMillis() << Math.min(attempt - 2, 10);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void keep(List<String> errors, String error) {
        if (errors.size() < MAX_ERRORS_KEPT) {
            errors.add(error);
        }
    }

    @Override
    public void close() {
        senders.shutdown();
    }
}

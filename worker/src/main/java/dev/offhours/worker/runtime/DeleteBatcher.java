package dev.offhours.worker.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;

/**
 * Deletes finished messages in batches of up to 10 on one thread. It never waits to fill a batch: it sends whatever
 * has queued up since the last call, so a quiet pool deletes at once and a busy one makes ten times fewer calls.
 * A delete that fails is only logged: the message comes back after its visibility timeout and the handler, being
 * idempotent, finds its record final and answers Done again.
 */
final class DeleteBatcher {

    private static final Logger LOG = LoggerFactory.getLogger(DeleteBatcher.class);
    private static final int MAX_BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final PoolMetrics metrics;
    private final BlockingQueue<String> receiptHandles = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;

    DeleteBatcher(SqsClient sqs, String queueUrl, PoolMetrics metrics, String threadName) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.metrics = metrics;
        this.thread = DaemonThreads.thread(this::run, threadName);
    }

    void start() {
        thread.start();
    }

    void delete(String receiptHandle) {
        receiptHandles.add(receiptHandle);
    }

    /** Sends what is still queued, then stops the thread. */
    void close(long timeoutMillis) throws InterruptedException {
        closing = true;
        thread.join(timeoutMillis);
    }

    private void run() {
        List<String> batch = new ArrayList<>(MAX_BATCH);
        while (!closing || !receiptHandles.isEmpty()) {
            try {
                String first = receiptHandles.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                receiptHandles.drainTo(batch, MAX_BATCH - 1);
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void send(List<String> batch) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id("m" + i).receiptHandle(batch.get(i)).build());
        }
        try {
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            response.failed().forEach(failure -> {
                metrics.sqsError();
                LOG.warn("SQS did not delete a finished message ({}: {}); it will be redelivered and found done",
                        failure.code(), failure.message());
            });
        } catch (SdkException e) {
            metrics.sqsError();
            LOG.warn("deleting {} finished messages failed; they will be redelivered and found done: {}",
                    batch.size(), e.getMessage());
        }
    }
}

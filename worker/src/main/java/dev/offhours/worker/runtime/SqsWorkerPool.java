package dev.offhours.worker.runtime;

import dev.offhours.worker.WorkItemHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * The service's SQS consumer: one receiver thread long-polls the work queue and hands each message to one of
 * {@code maxInFlight} worker threads. A message is received only when a worker is free for it (a semaphore of
 * {@code maxInFlight} permits is taken before ReceiveMessage asks for that many), so nothing waits invisible in a
 * local queue while its visibility timeout runs.
 *
 * <p>One receiver on purpose: measured in the window-storm benchmark, ceil(maxInFlight / 10) concurrent receivers
 * made each ReceiveMessage of the (embedded, CPU-starved) queue four times slower and the storm slower overall,
 * while one receiver naturally asks for more messages per call the longer a call takes.
 *
 * <p>Outcomes: Done deletes (batched), RetryLater sends the item's next attempt delayed by the delay and deletes
 * the original ({@link RetryCopies}; if that send fails, it changes the visibility to the delay instead): the thread
 * is free at once, SQS does the waiting, and retries do not spend the queue's maxReceiveCount. Reject sends the body with its reason to the dead-letter queue and deletes it. A handler
 * that throws leaves the message alone: it comes back after the visibility timeout, and the queue's redrive policy
 * dead-letters it after maxReceiveCount receives. So Reject covers what we know can never succeed, and the redrive
 * policy covers what crashes us.
 */
public final class SqsWorkerPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsWorkerPool.class);
    private static final int MAX_RECEIVE_BATCH = 10;
    private static final Duration DEFAULT_STOP_DEADLINE = Duration.ofSeconds(30);

    private final SqsClient sqs;
    private final PoolSettings settings;
    private final Sleeper sleeper;
    private final PoolMetrics metrics = new PoolMetrics();
    private final Semaphore permits;
    private final ExecutorService workers;
    private final DeleteBatcher deletes;
    private final MessageProcessor processor;
    private final Thread receiver;
    private volatile boolean stopping;
    private boolean started;

    public SqsWorkerPool(SqsClient sqs, WorkItemHandler handler, PoolSettings settings) {
        this(sqs, handler, settings, Sleeper.THREAD);
    }

    public SqsWorkerPool(SqsClient sqs, WorkItemHandler handler, PoolSettings settings, Sleeper sleeper) {
        this.sqs = sqs;
        this.settings = settings;
        this.sleeper = sleeper;
        this.permits = new Semaphore(settings.maxInFlight());
        this.workers = Executors.newFixedThreadPool(settings.maxInFlight(), DaemonThreads.numbered("offhours-worker"));
        this.deletes = new DeleteBatcher(sqs, settings.workQueueUrl(), metrics, "offhours-worker-deletes");
        this.processor = new MessageProcessor(sqs, settings.workQueueUrl(), handler,
                new DeadLetters(sqs, settings.deadLetterQueueUrl()), deletes, metrics);
        this.receiver = DaemonThreads.thread(this::receiveLoop, "offhours-worker-receiver");
    }

    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("the pool was started already; build a new one to start again");
        }
        started = true;
        deletes.start();
        receiver.start();
    }

    public PoolMetrics.Snapshot metrics() {
        return metrics.snapshot();
    }

    /**
     * Stops receiving, lets the messages in flight finish within {@code deadline}, makes the ones received while
     * stopping visible again at once, and sends the pending deletes. A receive still long-polling at the deadline
     * is interrupted (what it was about to return stays invisible until its visibility timeout); handlers still
     * running at the deadline are interrupted and their messages come back after their visibility timeout.
     */
    public StopReport stop(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        stopping = true;
        try {
            receiver.join(Math.max(1, millisUntil(end)));
            if (receiver.isAlive()) {
                receiver.interrupt();
                receiver.join(1_000);
            }
            workers.shutdown();
            boolean finished = workers.awaitTermination(millisUntil(end), TimeUnit.MILLISECONDS);
            int abandoned = finished ? 0 : metrics.snapshot().inFlight();
            if (!finished) {
                workers.shutdownNow();
            }
            deletes.close(Math.max(1_000, millisUntil(end)));
            return new StopReport(finished, abandoned, metrics.snapshot().released());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
            return new StopReport(false, metrics.snapshot().inFlight(), metrics.snapshot().released());
        }
    }

    @Override
    public void close() {
        if (!stopping) {
            stop(DEFAULT_STOP_DEADLINE);
        }
    }

    /**
     * @param inFlightFinished true when every started message finished before the deadline
     * @param abandoned        messages still running at the deadline (redelivered after their visibility timeout)
     * @param released         messages received while stopping and made visible again without being started
     */
    public record StopReport(boolean inFlightFinished, int abandoned, long released) {
    }

    private void receiveLoop() {
        while (!stopping) {
            int wanted;
            try {
                wanted = takeFreeSlots();
            } catch (InterruptedException e) {
                return;
            }
            if (wanted == 0) {
                continue;
            }
            List<Message> messages;
            try {
                messages = receive(wanted);
            } catch (AbortedException e) {
                permits.release(wanted);
                return;
            } catch (SdkException e) {
                permits.release(wanted);
                metrics.sqsError();
                LOG.warn("receiving from the work queue failed; trying again in {}: {}",
                        settings.receiveErrorBackoff(), e.getMessage());
                if (!pause()) {
                    return;
                }
                continue;
            }
            int startedNow = 0;
            for (Message message : messages) {
                metrics.received();
                if (stopping) {
                    release(message);
                } else {
                    dispatch(message);
                    startedNow++;
                }
            }
            permits.release(wanted - startedNow);
        }
    }

    /** Waits for one free worker, then takes every other free one up to a receive batch; 0 if stopping. */
    private int takeFreeSlots() throws InterruptedException {
        while (!stopping) {
            if (permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                int taken = 1;
                while (taken < MAX_RECEIVE_BATCH && permits.tryAcquire()) {
                    taken++;
                }
                return taken;
            }
        }
        return 0;
    }

    private List<Message> receive(int count) {
        ReceiveMessageRequest.Builder request = ReceiveMessageRequest.builder()
                .queueUrl(settings.workQueueUrl())
                .maxNumberOfMessages(count)
                .waitTimeSeconds((int) settings.receiveWait().toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        if (settings.visibilityTimeout() != null) {
            request.visibilityTimeout(Visibility.seconds(settings.visibilityTimeout()));
        }
        long began = System.nanoTime();
        try {
            return sqs.receiveMessage(request.build()).messages();
        } finally {
            metrics.receiveCalled(System.nanoTime() - began);
        }
    }

    private void dispatch(Message message) {
        metrics.started();
        workers.execute(() -> {
            long began = System.nanoTime();
            try {
                processor.process(message);
            } finally {
                metrics.handled(System.nanoTime() - began);
                metrics.finished();
                permits.release();
            }
        });
    }

    private void release(Message message) {
        try {
            sqs.changeMessageVisibility(b -> b.queueUrl(settings.workQueueUrl())
                    .receiptHandle(message.receiptHandle()).visibilityTimeout(0));
            metrics.released();
        } catch (SdkException e) {
            metrics.sqsError();
            LOG.warn("could not release message {} while stopping; it returns after its visibility timeout: {}",
                    message.messageId(), e.getMessage());
        }
    }

    private boolean pause() {
        try {
            sleeper.sleep(settings.receiveErrorBackoff());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long millisUntil(long endNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime()));
    }
}

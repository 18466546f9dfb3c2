package dev.offhours.worker.runtime;

import dev.offhours.worker.WorkItemHandler;
import java.time.Duration;
import java.util.List;
import dev.offhours.worker.ReceivedMessage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * The service's SQS consumer: one receiver thread long-polls the work queue while fewer than {@code maxInFlight} work
 * items are in flight, and starts every item of every message it receives at once (a message carries one item, or an
 * account bundle of several, {@link MessageWork}). offhours' worker answers each item with a future and waits for
 * nothing, so the items in flight cost no thread each: the threads are the receiver, the delete batcher, and a
 * small pool that starts messages and settles their outcomes with the queue (it grows only for a handler that
 * blocks, up to one thread per item in flight: test doubles and the benchmark's naive baseline). What paces the
 * work is the spokes' rate limiters in the worker's pipelines, not this pool.
 *
 * <p>{@code maxInFlight} counts items and is a soft limit: the receiver asks for more messages only while the count
 * is below it, so it can be passed by at most one receive's bundles. Messages are received only when there is room
 * for them, so nothing waits invisible in a local queue while its visibility timeout runs.
 *
 * <p>Outcomes, per item: Done is settled, RetryLater sends the item's next attempt delayed by the delay
 * ({@link RetryCopies}), Reject sends the item with its reason to the dead-letter queue. A message whose items are all
 * settled is deleted (batched); otherwise it is kept: made visible again after the shortest retry delay when only a
 * copy could not be sent, or left for its visibility timeout when a handler threw, so the queue's redrive policy
 * dead-letters what keeps crashing us. Reject covers what we know can never succeed, the redrive policy what crashes.
 */
public final class SqsWorkerPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsWorkerPool.class);
    private static final int MAX_RECEIVE_BATCH = 10;
    private static final Duration DEFAULT_STOP_DEADLINE = Duration.ofSeconds(30);

    private final SqsClient sqs;
    private final PoolSettings settings;
    private final Sleeper sleeper;
    private final PoolMetrics metrics = new PoolMetrics();
    private final Object room = new Object();
    private final AtomicInteger itemsInFlight = new AtomicInteger();
    private final AtomicInteger messagesInFlight = new AtomicInteger();
    private final ExecutorService workers;
    private final DeleteBatcher deletes;
    private final MessageWork work;
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
        // No queue: a message starts on an idle thread or a new one, so a blocking handler still gets one per message
        // (and its settling another); past that bound the thread that hands the task over runs it.
        this.workers = new ThreadPoolExecutor(0, 2 * (settings.maxInFlight() + MAX_RECEIVE_BATCH), 1, TimeUnit.MINUTES,
                new SynchronousQueue<>(), DaemonThreads.numbered("offhours-worker"),
                new ThreadPoolExecutor.CallerRunsPolicy());
        this.deletes = new DeleteBatcher(sqs, settings.workQueueUrl(), metrics, "offhours-worker-deletes");
        this.work = new MessageWork(handler, new RetryCopies(sqs),
                new DeadLetters(sqs, settings.deadLetterQueueUrl()), metrics, workers);
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
            boolean finished = awaitIdle(end);
            int abandoned = finished ? 0 : metrics.snapshot().inFlight();
            workers.shutdown();
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
                wanted = awaitRoom();
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
                return;
            } catch (SdkException e) {
                metrics.sqsError();
                LOG.warn("receiving from the work queue failed; trying again in {}: {}",
                        settings.receiveErrorBackoff(), e.getMessage());
                if (!pause()) {
                    return;
                }
                continue;
            }
            for (Message message : messages) {
                metrics.received();
                if (stopping) {
                    release(message);
                } else {
                    dispatch(message);
                }
            }
        }
    }

    /** Waits until fewer than maxInFlight items are in flight; answers how many messages to ask for (0 if stopping). */
    private int awaitRoom() throws InterruptedException {
        synchronized (room) {
            while (!stopping) {
                int free = settings.maxInFlight() - itemsInFlight.get();
                if (free > 0) {
                    return Math.min(MAX_RECEIVE_BATCH, free);
                }
                room.wait(100);
            }
        }
        return 0;
    }

    private boolean awaitIdle(long endNanos) throws InterruptedException {
        synchronized (room) {
            while (messagesInFlight.get() > 0) {
                long left = millisUntil(endNanos);
                if (left <= 0) {
                    return false;
                }
                room.wait(Math.min(left, 100));
            }
        }
        return true;
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
        ReceivedMessage received = toReceived(message);
        List<ReceivedMessage> items = work.items(received);
        itemsInFlight.addAndGet(items.size());
        metrics.itemsReceived(items.size());
        messagesInFlight.incrementAndGet();
        metrics.started();
        long began = System.nanoTime();
        try {
            workers.execute(() -> work.handle(items).whenCompleteAsync((handled, failure) -> {
                try {
                    if (handled != null) {
                        apply(work.settle(settings::workQueueUrl, handled), message);
                    }
                } finally {
                    finished(items.size(), began);
                }
            }, workers));
        } catch (RejectedExecutionException e) {
            // stopping: the message comes back after its visibility timeout
            finished(items.size(), began);
        }
    }

    private void apply(MessageWork.Verdict verdict, Message message) {
        try {
            if (verdict.delete()) {
                deletes.delete(message.receiptHandle());
            } else if (verdict.retryAfter() != null) {
                int seconds = Visibility.seconds(verdict.retryAfter());
                sqs.changeMessageVisibility(b -> b.queueUrl(settings.workQueueUrl())
                        .receiptHandle(message.receiptHandle()).visibilityTimeout(seconds));
            }
        } catch (SdkException e) {
            metrics.sqsError();
            LOG.warn("could not settle message {} with the queue; it will be redelivered: {}", message.messageId(),
                    e.getMessage());
        }
    }

    private void finished(int items, long began) {
        metrics.handled(System.nanoTime() - began);
        metrics.finished();
        itemsInFlight.addAndGet(-items);
        messagesInFlight.decrementAndGet();
        synchronized (room) {
            room.notifyAll();
        }
    }

    static ReceivedMessage toReceived(Message message) {
        String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        return new ReceivedMessage(message.messageId(), message.body(), count == null ? 1 : Integer.parseInt(count));
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

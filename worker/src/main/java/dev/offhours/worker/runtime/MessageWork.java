package dev.offhours.worker.runtime;

import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.worker.Outcome;
import dev.offhours.worker.ReceivedMessage;
import dev.offhours.worker.WorkItemHandler;
import dev.offhours.worker.resilience.Futures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What both runtimes, the service's pool and the Lambda function, do with one received message: handle each work item
 * it carries (one, or an account bundle's), all at once, then settle each item's {@link Outcome} with the queue, and
 * say whether the message may be deleted.
 *
 * <p>Everything stays per item: a RetryLater item goes back alone, as its next attempt delayed by the delay
 * ({@link RetryCopies}); a Reject item goes alone to the dead-letter queue with its reason ({@link DeadLetters}). The
 * message is deleted only when every item is settled. When an item's handler failed, or its copy or dead letter could
 * not be sent, the message is kept and comes back whole: its settled items end at once then (their records are
 * final), and the queue's redrive policy dead-letters a message that keeps failing after maxReceiveCount receives.
 */
public final class MessageWork {

    /**
     * @param delete     every item is settled: delete the message
     * @param retryAfter when not deleted: make the message visible again after this delay, or null to leave it for its
     *                   visibility timeout (an item's handler failed)
     */
    public record Verdict(boolean delete, Duration retryAfter) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(MessageWork.class);

    private final WorkItemHandler handler;
    private final RetryCopies retries;
    private final DeadLetters deadLetters;
    private final PoolMetrics metrics;
    private final Executor blockingStarts;
    private final WorkItemCodec codec = new WorkItemCodec();

    /**
     * @param blockingStarts where a {@linkplain WorkItemHandler#blocking() blocking} handler's items start, each on a
     *                       thread of its own (the service's pool), or in turn on the caller's ({@code Runnable::run})
     */
    public MessageWork(WorkItemHandler handler, RetryCopies retries, DeadLetters deadLetters, PoolMetrics metrics,
                       Executor blockingStarts) {
        this.handler = handler;
        this.blockingStarts = blockingStarts;
        this.retries = retries;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /** The items of the message, each as a message of its own (the id says which item of the bundle it is). */
    public List<ReceivedMessage> items(ReceivedMessage message) {
        List<String> bodies = codec.itemBodies(message.body());
        if (bodies.size() == 1) {
            return List.of(message);
        }
        List<ReceivedMessage> items = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            items.add(new ReceivedMessage(message.messageId() + "#" + (i + 1), bodies.get(i), message.receiveCount()));
        }
        return items;
    }

    /** Starts every item; the future completes when all have an outcome (or failed), without waiting in a thread. */
    public CompletableFuture<List<Handled>> handle(List<ReceivedMessage> items) {
        List<CompletableFuture<Handled>> started = new ArrayList<>(items.size());
        for (ReceivedMessage item : items) {
            started.add(start(item)
                    .handle((outcome, failure) -> new Handled(item, outcome, failure == null ? null
                            : Futures.unwrap(failure))));
        }
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
                .thenApply(all -> started.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<Outcome> start(ReceivedMessage item) {
        if (!handler.blocking()) {
            return Futures.start(() -> handler.handleAsync(item));
        }
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        try {
            blockingStarts.execute(() -> Futures.start(() -> handler.handleAsync(item)).whenComplete((done, failure) -> {
                if (failure != null) {
                    outcome.completeExceptionally(Futures.unwrap(failure));
                } else {
                    outcome.complete(done);
                }
            }));
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
        }
        return outcome;
    }

    /** One item's outcome, or the exception its handler failed with. */
    public record Handled(ReceivedMessage item, Outcome outcome, Throwable failure) {
    }

    /**
     * Does what each outcome asks of the queue (blocking SQS calls: call it on a thread that may wait).
     *
     * @param queueUrl the work queue, looked up only when an item is retried (the Lambda finds it from the event's
     *                 source ARN); a lookup that fails keeps the message
     */
    public Verdict settle(Supplier<String> queueUrl, List<Handled> handled) {
        boolean delete = true;
        Duration retryAfter = null;
        boolean crashed = false;
        for (Handled h : handled) {
            if (h.failure() != null) {
                metrics.handlerFailed();
                LOG.warn("handler failed on message {} (receive {}); left for redelivery", h.item().messageId(),
                        h.item().receiveCount(), h.failure());
                delete = false;
                crashed = true;
            } else if (h.outcome() instanceof Outcome.Done) {
                metrics.done();
            } else if (h.outcome() instanceof Outcome.RetryLater retry) {
                metrics.retried();
                if (sendCopy(queueUrl, h.item(), retry.delay())) {
                    LOG.debug("message {} retried as a new attempt in {} s: {}", h.item().messageId(),
                            RetryCopies.delaySeconds(retry.delay()), retry.reason());
                } else {
                    delete = false;
                    retryAfter = retryAfter == null || retry.delay().compareTo(retryAfter) < 0 ? retry.delay() : retryAfter;
                    LOG.debug("message {} is kept to come back in {}: {}", h.item().messageId(), retry.delay(),
                            retry.reason());
                }
            } else if (h.outcome() instanceof Outcome.Reject reject) {
                if (!deadLetter(h.item(), reject.reason())) {
                    delete = false;
                    crashed = true;
                }
            } else {
                throw new IllegalStateException("unknown outcome " + h.outcome());
            }
        }
        return new Verdict(delete, crashed ? null : retryAfter);
    }

    private boolean sendCopy(Supplier<String> queueUrl, ReceivedMessage item, Duration delay) {
        String url;
        try {
            url = queueUrl.get();
        } catch (SdkException | IllegalArgumentException e) {
            LOG.warn("could not find the work queue to retry message {} ({}); it is kept", item.messageId(),
                    e.getMessage());
            return false;
        }
        return retries.send(url, item.body(), delay);
    }

    private boolean deadLetter(ReceivedMessage item, String reason) {
        try {
            deadLetters.send(item, reason);
            metrics.rejected();
            LOG.warn("message {} rejected to the dead-letter queue: {}", item.messageId(), reason);
            return true;
        } catch (SdkException e) {
            metrics.sqsError();
            LOG.warn("could not dead-letter rejected message {} ({}); it is kept for redelivery: {}", item.messageId(),
                    reason, e.getMessage());
            return false;
        }
    }
}

package dev.offhours.worker.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of one {@link SqsWorkerPool}; thread-safe. */
public final class PoolMetrics {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong itemsReceived = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong handlerFailures = new AtomicLong();
    private final AtomicLong released = new AtomicLong();
    private final AtomicLong sqsErrors = new AtomicLong();
    private final AtomicLong receiveCalls = new AtomicLong();
    private final AtomicLong receiveNanos = new AtomicLong();
    private final AtomicLong handlingNanos = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger inFlightHighWater = new AtomicInteger();

    /**
     * @param received          messages received from the work queue
     * @param done              work items handled to an outcome that ends them (a final record)
     * @param retried           work items sent back as their next attempt, or kept in their message (RetryLater)
     * @param rejected          work items sent to the dead-letter queue with a reason
     * @param handlerFailures   work items whose handler threw; their message was left for redelivery
     * @param released          received while stopping and made visible again at once, never started
     * @param sqsErrors         SQS calls of the pool that failed (receive, delete, visibility, dead-letter)
     * @param inFlight          messages started and not finished now
     * @param inFlightHighWater the most messages ever in flight at once
     * @param receiveCalls      ReceiveMessage calls made (received / receiveCalls is the mean batch)
     * @param receiveNanos      real time spent in ReceiveMessage calls, long polls included
     * @param handlingNanos     real time from starting a message to settling its last item with the queue
     * @param itemsReceived     work items in the messages received (an account bundle carries several)
     */
    public record Snapshot(long received, long done, long retried, long rejected, long handlerFailures, long released,
                           long sqsErrors, int inFlight, int inFlightHighWater, long receiveCalls, long receiveNanos,
                           long handlingNanos, long itemsReceived) {
    }

    public Snapshot snapshot() {
        return new Snapshot(received.get(), done.get(), retried.get(), rejected.get(), handlerFailures.get(),
                released.get(), sqsErrors.get(), inFlight.get(), inFlightHighWater.get(), receiveCalls.get(),
                receiveNanos.get(), handlingNanos.get(), itemsReceived.get());
    }

    void receiveCalled(long nanos) {
        receiveCalls.incrementAndGet();
        receiveNanos.addAndGet(nanos);
    }

    void handled(long nanos) {
        handlingNanos.addAndGet(nanos);
    }

    void received() {
        received.incrementAndGet();
    }

    void itemsReceived(int items) {
        itemsReceived.addAndGet(items);
    }

    void started() {
        int now = inFlight.incrementAndGet();
        inFlightHighWater.accumulateAndGet(now, Math::max);
    }

    void finished() {
        inFlight.decrementAndGet();
    }

    void done() {
        done.incrementAndGet();
    }

    void retried() {
        retried.incrementAndGet();
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    void handlerFailed() {
        handlerFailures.incrementAndGet();
    }

    void released() {
        released.incrementAndGet();
    }

    void sqsError() {
        sqsErrors.incrementAndGet();
    }
}

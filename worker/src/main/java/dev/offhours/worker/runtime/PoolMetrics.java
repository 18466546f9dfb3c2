package dev.offhours.worker.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of one {@link SqsWorkerPool}; thread-safe. */
public final class PoolMetrics {

    private final AtomicLong received = new AtomicLong();
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
     * @param done              handled to a final record and deleted (or queued for deletion)
     * @param retried           made visible again later (RetryLater)
     * @param rejected          sent to the dead-letter queue with a reason
     * @param handlerFailures   the handler threw; the message was left for redelivery
     * @param released          received while stopping and made visible again at once, never started
     * @param sqsErrors         SQS calls of the pool that failed (receive, delete, visibility, dead-letter)
     * @param inFlight          started and not finished now
     * @param inFlightHighWater the most ever in flight at once
     * @param receiveCalls      ReceiveMessage calls made (received / receiveCalls is the mean batch)
     * @param receiveNanos      real time spent in ReceiveMessage calls, long polls included
     * @param handlingNanos     real time worker threads spent on messages (handler and queue outcome); divided by
     *                          maxInFlight times the elapsed time it says how busy the slots were
     */
    public record Snapshot(long received, long done, long retried, long rejected, long handlerFailures, long released,
                           long sqsErrors, int inFlight, int inFlightHighWater, long receiveCalls, long receiveNanos,
                           long handlingNanos) {
    }

    public Snapshot snapshot() {
        return new Snapshot(received.get(), done.get(), retried.get(), rejected.get(), handlerFailures.get(),
                released.get(), sqsErrors.get(), inFlight.get(), inFlightHighWater.get(), receiveCalls.get(),
                receiveNanos.get(), handlingNanos.get());
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

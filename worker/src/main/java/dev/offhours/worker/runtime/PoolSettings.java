package dev.offhours.worker.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link SqsWorkerPool} consumes its queue.
 *
 * @param workQueueUrl        the queue of work items
 * @param deadLetterQueueUrl  where rejected messages go, with the reason (the work queue's redrive policy should
 *                            name the same queue, for messages that crash the handler again and again)
 * @param maxInFlight         at most about this many work items received and not yet finished (default 2,000); the
 *                            pool stops receiving at it, so one receive's bundles can pass it
 * @param receiveWait         long-poll wait of one ReceiveMessage, 0..20 s (default 20 s)
 * @param visibilityTimeout   visibility timeout asked for on receive; {@code null} keeps the queue's own
 * @param receiveErrorBackoff pause after a failed ReceiveMessage before the next one
 */
public record PoolSettings(String workQueueUrl, String deadLetterQueueUrl, int maxInFlight, Duration receiveWait,
                           Duration visibilityTimeout, Duration receiveErrorBackoff) {

    /**
     * 2,000 work items, by measurement (the window-storm benchmark's sweep of 200 to 2,000): a storm is paced by the
     * hub's STS bucket (50 AssumeRoles a second) only when enough accounts are in flight to keep it busy, about
     * items per account (20) x 50/s x one item's call chain (about 1.2 s) = 1,200 items; at 2,000 the 10,000-target
     * sleep storm takes 1.2 times what AWS's limits allow, at 1,000 1.8 times. Items in flight cost heap (a few
     * kilobytes each), no thread.
     */
    public static final int DEFAULT_MAX_IN_FLIGHT = 2_000;
    public static final Duration MAX_RECEIVE_WAIT = Duration.ofSeconds(20);

    public PoolSettings {
        Objects.requireNonNull(workQueueUrl, "workQueueUrl is required");
        Objects.requireNonNull(deadLetterQueueUrl, "deadLetterQueueUrl is required (rejected messages go there)");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1 but was " + maxInFlight);
        }
        Objects.requireNonNull(receiveWait, "receiveWait is required");
        if (receiveWait.isNegative() || receiveWait.compareTo(MAX_RECEIVE_WAIT) > 0) {
            throw new IllegalArgumentException("receiveWait must be between 0 and 20 seconds (SQS long polling) but was "
                    + receiveWait);
        }
        if (visibilityTimeout != null && (visibilityTimeout.isNegative()
                || visibilityTimeout.compareTo(Visibility.MAX) > 0)) {
            throw new IllegalArgumentException("visibilityTimeout must be between 0 and 12 hours but was "
                    + visibilityTimeout);
        }
        Objects.requireNonNull(receiveErrorBackoff, "receiveErrorBackoff is required");
    }

    /** 2,000 in flight, 20 s long polls, the queue's visibility timeout, 1 s pause after a failed receive. */
    public static PoolSettings defaults(String workQueueUrl, String deadLetterQueueUrl) {
        return new PoolSettings(workQueueUrl, deadLetterQueueUrl, DEFAULT_MAX_IN_FLIGHT, MAX_RECEIVE_WAIT, null,
                Duration.ofSeconds(1));
    }

    public PoolSettings withMaxInFlight(int value) {
        return new PoolSettings(workQueueUrl, deadLetterQueueUrl, value, receiveWait, visibilityTimeout,
                receiveErrorBackoff);
    }

    public PoolSettings withReceiveWait(Duration value) {
        return new PoolSettings(workQueueUrl, deadLetterQueueUrl, maxInFlight, value, visibilityTimeout,
                receiveErrorBackoff);
    }

    public PoolSettings withVisibilityTimeout(Duration value) {
        return new PoolSettings(workQueueUrl, deadLetterQueueUrl, maxInFlight, receiveWait, value,
                receiveErrorBackoff);
    }
}

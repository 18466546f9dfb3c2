package dev.offhours.worker.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link SqsWorkerPool} consumes its queue.
 *
 * @param workQueueUrl        the queue of work items
 * @param deadLetterQueueUrl  where rejected messages go, with the reason (the work queue's redrive policy should
 *                            name the same queue, for messages that crash the handler again and again)
 * @param maxInFlight         at most this many messages received and not yet finished (default 50)
 * @param receiveWait         long-poll wait of one ReceiveMessage, 0..20 s (default 20 s)
 * @param visibilityTimeout   visibility timeout asked for on receive; {@code null} keeps the queue's own
 * @param receiveErrorBackoff pause after a failed ReceiveMessage before the next one
 */
public record PoolSettings(String workQueueUrl, String deadLetterQueueUrl, int maxInFlight, Duration receiveWait,
                           Duration visibilityTimeout, Duration receiveErrorBackoff) {

    public static final int DEFAULT_MAX_IN_FLIGHT = 50;
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

    /** 50 in flight, 20 s long polls, the queue's visibility timeout, 1 s pause after a failed receive. */
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

package dev.offhours.worker;

import java.time.Duration;

/**
 * What the runtime must do with a message after the worker handled it. The worker decides, the runtime does the
 * I/O (delete, change visibility, dead-letter).
 */
public sealed interface Outcome {

    /** The operation record is final: delete the message. */
    record Done() implements Outcome {
    }

    /**
     * Transient: handle the item again after {@code delay}. The runtimes send its next attempt with that delay and
     * delete this message, so retries spend no receive of the queue's redrive policy; when that send fails they make
     * this message visible again after {@code delay} (SQS ChangeMessageVisibility).
     */
    record RetryLater(java.time.Duration delay, String reason) implements Outcome {
    }

    /** The message can never succeed (malformed, unknown version): send it to the dead-letter queue with the reason. */
    record Reject(String reason) implements Outcome {
    }

    static Outcome done() {
        return new Done();
    }

    static Outcome retryLater(Duration delay, String reason) {
        return new RetryLater(delay, reason);
    }

    static Outcome reject(String reason) {
        return new Reject(reason);
    }
}

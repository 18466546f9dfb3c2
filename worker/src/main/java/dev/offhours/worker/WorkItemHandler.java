package dev.offhours.worker;

import java.util.concurrent.CompletableFuture;

/**
 * Executes one work item; thread-safe; never throws for a bad message (it returns {@link Outcome.Reject}).
 *
 * <p>The runtimes call {@link #handleAsync}. offhours' own worker answers it at once and finishes on the threads
 * of its asynchronous clients, so how many items are in flight is not a number of threads. A handler that only has
 * a blocking {@link #handle} (test doubles, the benchmark's naive baseline) runs on the thread that calls it.
 */
public interface WorkItemHandler {
    Outcome handle(ReceivedMessage message);

    /**
     * Whether {@link #handleAsync} holds its calling thread until the outcome is known. The runtimes give a blocking
     * handler a thread per item (so that the items of one message still run side by side); an asynchronous one is
     * called on whatever thread received the message.
     */
    default boolean blocking() {
        return true;
    }

    /** The outcome, once known; a failed future means the same as {@link #handle} throwing. */
    default CompletableFuture<Outcome> handleAsync(ReceivedMessage message) {
        try {
            return CompletableFuture.completedFuture(handle(message));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}

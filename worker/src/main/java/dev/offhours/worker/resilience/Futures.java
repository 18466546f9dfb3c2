package dev.offhours.worker.resilience;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The few rules the asynchronous worker keeps about futures: a failed future fails with the exception that happened
 * (an SDK, store or pipeline exception), never with the {@link CompletionException} a dependent stage wraps it in, so
 * that {@code AwsErrors.classify} and the worker's catch-alls see what they would see in a blocking call.
 */
public final class Futures {

    private Futures() {
    }

    /** The exception itself, without the wrappers of {@link CompletableFuture}'s stages and {@code get()}. */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * Waits for {@code future} in the caller's thread (for callers that may block: tests, a blocking entry point);
     * a failure is thrown as the exception that happened when it is unchecked.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            throw cause instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** The same outcome as {@code stage}, failing with the unwrapped exception. */
    public static <T> CompletableFuture<T> unwrapped(CompletionStage<T> stage) {
        CompletableFuture<T> result = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
            } else {
                result.complete(value);
            }
        });
        return result;
    }

    /** Starts an asynchronous call; one that throws before it returns a future fails the future instead. */
    public static <T> CompletableFuture<T> start(Supplier<? extends CompletionStage<T>> call) {
        try {
            return unwrapped(call.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A blocking call (a store's) run on {@code executor}, failing with its own exception. */
    public static <T> CompletableFuture<T> supply(Supplier<T> call, Executor executor) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(call.get());
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }
}

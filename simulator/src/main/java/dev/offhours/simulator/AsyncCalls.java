package dev.offhours.simulator;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Turns a synchronous simulated operation into an asynchronous call, so the asynchronous clients share every rule
 * with the synchronous ones instead of copying them.
 *
 * <p>A call resolves its credentials in the caller's thread when it is made, as the SDK's asynchronous clients
 * resolve the identity before sending (a provider that refreshes through STS thus never blocks the fleet's timer).
 * Its latency is drawn like a synchronous call's and passes on the fleet's {@link FleetTime#schedule timer}; then the
 * synchronous operation runs through the gate that skips the sleep: counting, authentication, the token bucket,
 * injected faults and the operation, in the order a synchronous call meets them after its sleep. The future completes
 * with the answer, or exceptionally with the very exception the synchronous client throws (not wrapped).
 *
 * <p>So the metrics count an asynchronous call when it reaches the fleet, after its latency (a synchronous one is
 * counted before its sleep; totals agree once calls are answered), and a call whose credentials cannot be resolved
 * never leaves the caller and is not counted.
 */
final class AsyncCalls {
    private final FleetRuntime elapsed;

    AsyncCalls(FleetRuntime fleet) {
        this.elapsed = fleet.latencyElapsed();
    }

    /** The runtime the synchronous operations of asynchronous calls run on (their latency has passed). */
    FleetRuntime runtime() {
        return elapsed;
    }

    /**
     * @param credentials null for the hub's own identity (STS)
     * @param operation the synchronous operation, given the credentials as resolved when the call was made
     */
    <T> CompletableFuture<T> call(ApiFamily family, AwsCredentialsProvider credentials,
                                  Function<AwsCredentialsProvider, T> operation) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        AwsCredentialsProvider resolved;
        try {
            resolved = credentials == null ? null : StaticCredentialsProvider.create(credentials.resolveCredentials());
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
            return answer;
        }
        elapsed.time().schedule(elapsed.gate().latency(family), () -> {
            try {
                answer.complete(operation.apply(resolved));
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }
}

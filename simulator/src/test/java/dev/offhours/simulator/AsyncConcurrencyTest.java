package dev.offhours.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;

/**
 * Thousands of asynchronous calls in flight need no thread each: their latency passes on the fleet time's few timer
 * threads, which answer them. The figure (elapsed real time) is printed, not asserted.
 */
class AsyncConcurrencyTest {
    private static final int CALLS = 1_000;

    @Test
    void thousandCallsInFlightAreAnsweredByTheTimerThreadsAlone() {
        SimulatedFleet fleet = SimulatedFleet.builder().seed(5).accounts(1).asgsPerAccountRegion(2).noLatency()
                .latency(ApiFamily.AUTOSCALING, LatencySpec.uniformMillis(100, 100))
                .bucket(ApiFamily.AUTOSCALING, new TokenBucketSpec(CALLS, CALLS)).build();
        AwsCredentialsProvider credentials = Spokes.assume(fleet, Spokes.account(fleet, 0));
        AutoScalingAsyncClient client = fleet.autoScalingAsync(credentials, fleet.accountRegions().get(0).region());
        Set<String> answeringThreads = ConcurrentHashMap.newKeySet();
        int threadsBefore = Thread.activeCount();
        long start = System.nanoTime();

        List<CompletableFuture<DescribeAutoScalingGroupsResponse>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            calls.add(client.describeAutoScalingGroups()
                    .whenComplete((answer, error) -> answeringThreads.add(Thread.currentThread().getName())));
        }
        int threadsInFlight = Thread.activeCount();
        long submitted = System.nanoTime();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

        System.out.printf("async_calls: %d%nasync_calls_submit_ms: %d%nasync_calls_elapsed_ms: %d%n"
                        + "async_threads_in_flight_added: %d%n", CALLS, (submitted - start) / 1_000_000,
                (System.nanoTime() - start) / 1_000_000, threadsInFlight - threadsBefore);
        assertThat(calls).allSatisfy(call -> assertThat(call.join().autoScalingGroups()).hasSize(2));
        assertThat(answeringThreads).isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith("offhours-sim-timer-"));
        assertThat(((ScaledTime) fleet.time()).timerThreadsStarted()).isBetween(1, ScaledTime.TIMER_THREADS);
        assertThat(threadsInFlight - threadsBefore).isLessThanOrEqualTo(4);
        assertThat(fleet.metrics().snapshot().calls(ApiFamily.AUTOSCALING, "DescribeAutoScalingGroups"))
                .isEqualTo(CALLS);
        assertThat(fleet.metrics().snapshot().throttlesByFamily()).doesNotContainKey(ApiFamily.AUTOSCALING);
    }
}

package dev.offhours.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Many callers at once: every call is answered, counted, and applied exactly once. */
class ConcurrencyTest {
    @Test
    void sixtyFourCallersTaggingAndResizingConcurrentlyLoseNothing() throws Exception {
        SimulatedFleet fleet = SimulatedFleet.builder().seed(11).clock(Clock.systemUTC()).timeScale(0.01)
                .accounts(8).regions("eu-central-1", "eu-west-1").asgsPerAccountRegion(4).nodegroupsPerAccountRegion(0)
                .build();
        List<Target> targets = fleet.targets();
        var credentials = fleet.accounts().stream().collect(java.util.stream.Collectors.toMap(a -> a,
                a -> Spokes.assume(fleet, a)));
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<Integer>> results = new ArrayList<>();
        for (int caller = 0; caller < 64; caller++) {
            Target target = targets.get(caller % targets.size());
            String key = "caller-" + caller;
            results.add(pool.submit(() -> {
                var client = fleet.autoScaling(credentials.get(target.account()), target.region());
                int throttled = 0;
                while (true) {
                    try {
                        client.createOrUpdateTags(r -> r.tags(t -> t.resourceId(target.name())
                                .resourceType("auto-scaling-group").key(key).value("x")));
                        client.updateAutoScalingGroup(r -> r.autoScalingGroupName(target.name())
                                .minSize(0).desiredCapacity(0).maxSize(0));
                        return throttled;
                    } catch (AwsServiceException e) {
                        throttled++;
                    }
                }
            }));
        }
        int throttledCalls = 0;
        for (Future<Integer> result : results) {
            throttledCalls += result.get();
        }
        pool.shutdown();

        for (int caller = 0; caller < 64; caller++) {
            Target target = targets.get(caller % targets.size());
            assertThat(fleet.tags(target)).containsKey("caller-" + caller);
            assertThat(fleet.capacity(target)).isEqualTo(new Capacity(0, 0, 0));
        }
        MetricsSnapshot metrics = fleet.metrics().snapshot();
        assertThat(metrics.throttles()).isEqualTo(throttledCalls);
        assertThat(metrics.callsByFamily().get(ApiFamily.AUTOSCALING)).isEqualTo(2L * 64 + throttledCalls);
        assertThat(metrics.assumeRoleCallsByAccount()).hasSize(8).allSatisfy((account, calls) ->
                assertThat(calls).isEqualTo(1L));
        assertThat(Map.copyOf(metrics.callsByAccountRegion(ApiFamily.AUTOSCALING))).hasSize(16);
    }
}

package dev.offhours.simulator;

import static dev.offhours.simulator.StrictRulesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.model.AttachInstancesRequest;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.eks.EksAsyncClient;
import software.amazon.awssdk.services.eks.model.CreateClusterRequest;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ThrottlingException;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateStatus;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;

/** What the asynchronous clients share with the synchronous ones beyond single answers: buckets, faults, time. */
class AsyncClientsTest {
    private final ManualTime time = Spokes.manualTime();

    @Test
    void failedFutureHoldsTheSdkExceptionItself() {
        SimulatedFleet fleet = Spokes.small(time).build();
        CompletableFuture<?> future = autoScaling(fleet)
                .updateAutoScalingGroup(r -> r.autoScalingGroupName("gone").minSize(0));

        Throwable error = future.handle((answer, e) -> e).join();
        assertThat(error).isExactlyInstanceOf(AutoScalingException.class);
        assertError((AutoScalingException) error, "ValidationError", 400);
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class).cause().isSameAs(error);
    }

    @Test
    void synchronousAndAsynchronousCallsDrainOneBucket() {
        SimulatedFleet fleet = Spokes.small(time).build();
        AwsCredentialsProvider credentials = Spokes.assume(fleet, Spokes.account(fleet, 0));
        AutoScalingAsyncClient client = fleet.autoScalingAsync(credentials, Spokes.REGION);
        for (int i = 0; i < 20; i++) {
            fleet.autoScaling(credentials, Spokes.REGION).describeAutoScalingGroups();
            assertThat(client.describeAutoScalingGroups()).isCompletedWithValueMatching(r -> r.hasAutoScalingGroups());
        }

        assertThat(failure(client.describeAutoScalingGroups())).isInstanceOfSatisfying(AutoScalingException.class, e -> {
            assertError(e, "Throttling", 400);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        });
        assertThat(fleet.metrics().snapshot().throttlesByFamily()).containsEntry(ApiFamily.AUTOSCALING, 1L);
    }

    @Test
    void drainedEksBucketFailsAsynchronousCallsWithThrottlingException429() {
        SimulatedFleet fleet = Spokes.small(time).eksRequestLimitFraction(0).build();
        EksAsyncClient eks = eks(fleet);
        for (int i = 0; i < 20; i++) {
            eks.listClusters().join();
        }

        assertThat(failure(eks.listClusters())).isInstanceOfSatisfying(ThrottlingException.class,
                e -> assertError(e, "ThrottlingException", 429));
    }

    @Test
    void serverErrorsAtRateOneFailEveryAsynchronousCallAndApplyNothing() {
        SimulatedFleet fleet = Spokes.small(time).serverErrorRate(ApiFamily.AUTOSCALING, 1.0)
                .serverErrorRate(ApiFamily.EKS, 1.0).build();
        AutoScalingAsyncClient client = autoScaling(fleet);
        Target asg = fleet.targets().get(0);
        Capacity before = fleet.capacity(asg);

        for (int i = 0; i < 5; i++) {
            assertThat(failure(client.updateAutoScalingGroup(r -> r.autoScalingGroupName(asg.name()).minSize(0)
                    .desiredCapacity(0).maxSize(0)))).isInstanceOfSatisfying(AutoScalingException.class,
                    e -> assertThat(e.statusCode()).isIn(500, 503));
            assertThat(failure(eks(fleet).listClusters())).isInstanceOfSatisfying(EksException.class,
                    e -> assertThat(e.statusCode()).isIn(500, 503));
        }
        assertThat(fleet.capacity(asg)).isEqualTo(before);
        assertThat(fleet.metrics().snapshot().serverErrors()).isEqualTo(10);
    }

    @Test
    void nodegroupUpdateRunsItsCourseThroughAsynchronousCalls() {
        SimulatedFleet fleet = Spokes.small(time).build();
        Target ng = fleet.addNodegroup(Spokes.account(fleet, 0), Spokes.REGION, "main", "workers",
                new Capacity(2, 3, 10), Map.of());
        EksAsyncClient eks = eks(fleet);

        Update update = sleep(eks).join().update();
        assertThat(update.status()).isEqualTo(UpdateStatus.IN_PROGRESS);
        assertThat(failure(sleep(eks))).isInstanceOf(ResourceInUseException.class);

        time.advance(Duration.ofSeconds(30));
        assertThat(describeUpdate(eks, update.id())).isEqualTo(UpdateStatus.SUCCESSFUL);

        fleet.stick(ng);
        Update stuck = sleep(eks).join().update();
        time.advance(Duration.ofMinutes(50));
        assertThat(describeUpdate(eks, stuck.id())).isEqualTo(UpdateStatus.IN_PROGRESS);
    }

    @Test
    void latencyOnManualTimeIsChargedAtOnceAsASynchronousCallChargesIt() {
        SimulatedFleet fleet = Spokes.small(time).latency(ApiFamily.AUTOSCALING, LatencySpec.uniformMillis(100, 100))
                .build();
        AwsCredentialsProvider credentials = Spokes.assume(fleet, Spokes.account(fleet, 0));
        long start = time.nanos();

        fleet.autoScaling(credentials, Spokes.REGION).describeAutoScalingGroups();
        assertThat(Duration.ofNanos(time.nanos() - start)).isEqualTo(Duration.ofMillis(100));
        var future = fleet.autoScalingAsync(credentials, Spokes.REGION).describeAutoScalingGroups();

        assertThat(future).isDone();
        assertThat(Duration.ofNanos(time.nanos() - start)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void publisherPagesThroughTheSameGroupsAsTheSynchronousPaginator() {
        SimulatedFleet fleet = Spokes.small(time).build();
        AwsCredentialsProvider credentials = Spokes.assume(fleet, Spokes.account(fleet, 0));
        List<String> synchronous = fleet.autoScaling(credentials, Spokes.REGION)
                .describeAutoScalingGroupsPaginator(r -> r.maxRecords(1)).autoScalingGroups().stream()
                .map(AutoScalingGroup::autoScalingGroupName).toList();
        List<String> asynchronous = new ArrayList<>();

        fleet.autoScalingAsync(credentials, Spokes.REGION).describeAutoScalingGroupsPaginator(r -> r.maxRecords(1))
                .autoScalingGroups().subscribe(g -> asynchronous.add(g.autoScalingGroupName())).join();

        assertThat(asynchronous).hasSizeGreaterThan(1).isEqualTo(synchronous);
        assertThat(fleet.metrics().snapshot().calls(ApiFamily.AUTOSCALING, "DescribeAutoScalingGroups"))
                .isEqualTo(2L * synchronous.size());
    }

    @Test
    void unsupportedOperationsThrowAsTheSynchronousClientsDo() {
        SimulatedFleet fleet = Spokes.small(time).build();
        AwsCredentialsProvider credentials = Spokes.assume(fleet, Spokes.account(fleet, 0));
        AttachInstancesRequest attach = AttachInstancesRequest.builder().autoScalingGroupName("web").build();
        CreateClusterRequest create = CreateClusterRequest.builder().name("new").build();

        assertThatThrownBy(() -> fleet.autoScaling(credentials, Spokes.REGION).attachInstances(attach))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fleet.autoScalingAsync(credentials, Spokes.REGION).attachInstances(attach))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fleet.eksAsync(credentials, Spokes.REGION).createCluster(create))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fleet.stsAsync().getSessionToken(GetSessionTokenRequest.builder().build()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void credentialsThatCannotBeResolvedFailTheFutureWithTheProvidersError() {
        SimulatedFleet fleet = Spokes.small(time).build();
        SdkClientException refused = SdkClientException.create("the role's session could not be refreshed");
        AwsCredentialsProvider failing = () -> {
            throw refused;
        };

        assertThat(failure(fleet.eksAsync(failing, Spokes.REGION).listClusters())).isSameAs(refused);
    }

    private AutoScalingAsyncClient autoScaling(SimulatedFleet fleet) {
        return fleet.autoScalingAsync(Spokes.assume(fleet, Spokes.account(fleet, 0)), Spokes.REGION);
    }

    private EksAsyncClient eks(SimulatedFleet fleet) {
        return fleet.eksAsync(Spokes.assume(fleet, Spokes.account(fleet, 0)), Spokes.REGION);
    }

    private static CompletableFuture<software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigResponse> sleep(
            EksAsyncClient eks) {
        return eks.updateNodegroupConfig(r -> r.clusterName("main").nodegroupName("workers")
                .scalingConfig(s -> s.minSize(0).desiredSize(0).maxSize(1)));
    }

    private static UpdateStatus describeUpdate(EksAsyncClient eks, String id) {
        return eks.describeUpdate(r -> r.name("main").nodegroupName("workers").updateId(id)).join().update().status();
    }

    /** The exception a completed future failed with, as the caller's handler receives it. */
    private static Throwable failure(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        return future.handle((answer, error) -> error).join();
    }
}

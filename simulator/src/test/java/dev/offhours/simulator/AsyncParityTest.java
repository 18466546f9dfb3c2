package dev.offhours.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.offhours.core.work.TargetKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.CreateOrUpdateTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityRequest;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.eks.EksAsyncClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.DescribeNodegroupRequest;
import software.amazon.awssdk.services.eks.model.DescribeUpdateRequest;
import software.amazon.awssdk.services.eks.model.ListClustersRequest;
import software.amazon.awssdk.services.eks.model.ListNodegroupsRequest;
import software.amazon.awssdk.services.eks.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.eks.model.TagResourceRequest;
import software.amazon.awssdk.services.eks.model.UntagResourceRequest;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigRequest;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * The asynchronous clients answer every operation as the synchronous ones do: two identical fleets, one called
 * synchronously and one asynchronously, give equal answers or equal errors (type, HTTP status, code, message), and end
 * with equal resources, call counts and simulated time. A failed future must hold the SDK exception itself.
 */
class AsyncParityTest {
    private static final String WEB = "web";
    private static final String CLUSTER = "main";
    private static final String WORKERS = "workers";
    private static final String ACCOUNT = "100000000000";
    private static final String DENIED = "100000000001";
    private static final String CLUSTER_ARN = EksArn.cluster(Spokes.REGION, ACCOUNT, CLUSTER);

    /** One fleet, the spoke account the clients act in, and its credentials. */
    record Side(SimulatedFleet fleet, AwsCredentialsProvider credentials) {
        static Side build() {
            SimulatedFleet fleet = Spokes.small(Spokes.manualTime()).build();
            assertThat(fleet.accounts()).containsExactlyInAnyOrder(ACCOUNT, DENIED);
            Map<String, String> tags = Map.of("offhours.dev/schedule", "nights");
            fleet.addAsg(ACCOUNT, Spokes.REGION, WEB, new Capacity(1, 2, 10), tags);
            fleet.addNodegroup(ACCOUNT, Spokes.REGION, CLUSTER, WORKERS, new Capacity(2, 3, 10), Map.of());
            AwsCredentialsProvider credentials = Spokes.assume(fleet, ACCOUNT);
            fleet.denyAssumeRole(DENIED);
            return new Side(fleet, credentials);
        }

        AutoScalingClient autoScaling() {
            return fleet.autoScaling(credentials, Spokes.REGION);
        }

        AutoScalingAsyncClient autoScalingAsync() {
            return fleet.autoScalingAsync(credentials, Spokes.REGION);
        }

        EksClient eks() {
            return fleet.eks(credentials, Spokes.REGION);
        }

        EksAsyncClient eksAsync() {
            return fleet.eksAsync(credentials, Spokes.REGION);
        }

        /** What a user can observe of the fleet after a call. */
        Object observed() {
            Target web = new Target(ACCOUNT, Spokes.REGION, TargetKind.ASG, null, WEB, null);
            Target workers = new Target(ACCOUNT, Spokes.REGION, TargetKind.EKS_NODEGROUP, CLUSTER, WORKERS, null);
            return List.of(fleet.capacity(web), fleet.tags(web), fleet.capacity(workers),
                    fleet.tags(workers), fleet.updating(workers), fleet.metrics().snapshot(), fleet.time().nanos());
        }
    }

    /** An error as a user sees it, to compare the two sides' errors. */
    record Failure(Class<?> type, int status, String code, String message) {
        static Failure of(Throwable error) {
            if (!(error instanceof AwsServiceException e)) {
                return fail("expected the SDK's service exception itself, got " + error, error);
            }
            return new Failure(e.getClass(), e.statusCode(), e.awsErrorDetails().errorCode(),
                    e.awsErrorDetails().errorMessage());
        }
    }

    record Case(String name, Function<Side, Object> sync, Function<Side, CompletableFuture<?>> async) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> operations() {
        return Stream.of(
                asg("describe groups by name", AutoScalingClient::describeAutoScalingGroups,
                        AutoScalingAsyncClient::describeAutoScalingGroups, describeGroups().autoScalingGroupNames(WEB)),
                asg("describe groups by tag filter, first page of two", AutoScalingClient::describeAutoScalingGroups,
                        AutoScalingAsyncClient::describeAutoScalingGroups, describeGroups().maxRecords(2)
                                .filters(f -> f.name("tag-key").values("offhours.dev/schedule"))),
                asg("describe groups: 101 records is a ValidationError", AutoScalingClient::describeAutoScalingGroups,
                        AutoScalingAsyncClient::describeAutoScalingGroups, describeGroups().maxRecords(101)),
                asg("describe groups: a forged next token is rejected", AutoScalingClient::describeAutoScalingGroups,
                        AutoScalingAsyncClient::describeAutoScalingGroups, describeGroups().nextToken("forged")),
                asg("update a group to sleep", AutoScalingClient::updateAutoScalingGroup,
                        AutoScalingAsyncClient::updateAutoScalingGroup, updateGroup(WEB).minSize(0).desiredCapacity(0)
                                .maxSize(0)),
                asg("update with desired below min is rejected", AutoScalingClient::updateAutoScalingGroup,
                        AutoScalingAsyncClient::updateAutoScalingGroup, updateGroup(WEB).minSize(5).desiredCapacity(4)),
                asg("update a missing group is not found", AutoScalingClient::updateAutoScalingGroup,
                        AutoScalingAsyncClient::updateAutoScalingGroup, updateGroup("gone").minSize(0)),
                asg("set desired capacity", AutoScalingClient::setDesiredCapacity,
                        AutoScalingAsyncClient::setDesiredCapacity,
                        SetDesiredCapacityRequest.builder().autoScalingGroupName(WEB).desiredCapacity(5)),
                asg("tag a group", AutoScalingClient::createOrUpdateTags, AutoScalingAsyncClient::createOrUpdateTags,
                        CreateOrUpdateTagsRequest.builder().tags(tag("offhours.dev/awake-capacity", "1,2,10"))),
                asg("describe a group's tags", AutoScalingClient::describeTags, AutoScalingAsyncClient::describeTags,
                        DescribeTagsRequest.builder().filters(f -> f.name("auto-scaling-group").values(WEB))),
                asg("delete a group's tag", AutoScalingClient::deleteTags, AutoScalingAsyncClient::deleteTags,
                        DeleteTagsRequest.builder().tags(tag("offhours.dev/schedule", null))),
                eks("list clusters", EksClient::listClusters, EksAsyncClient::listClusters,
                        ListClustersRequest.builder()),
                eks("list node groups", EksClient::listNodegroups, EksAsyncClient::listNodegroups,
                        ListNodegroupsRequest.builder().clusterName(CLUSTER)),
                eks("describe a node group", EksClient::describeNodegroup, EksAsyncClient::describeNodegroup,
                        describeNodegroup(CLUSTER, WORKERS)),
                eks("describe a missing node group", EksClient::describeNodegroup, EksAsyncClient::describeNodegroup,
                        describeNodegroup(CLUSTER, "gone")),
                eks("describe a node group of a missing cluster", EksClient::describeNodegroup,
                        EksAsyncClient::describeNodegroup, describeNodegroup("gone", WORKERS)),
                eks("update a node group's scaling", EksClient::updateNodegroupConfig,
                        EksAsyncClient::updateNodegroupConfig, scaleWorkers(0, 0, 1)),
                eks("a node group cannot scale to max 0", EksClient::updateNodegroupConfig,
                        EksAsyncClient::updateNodegroupConfig, scaleWorkers(0, 0, 0)),
                eks("describe an unknown update", EksClient::describeUpdate, EksAsyncClient::describeUpdate,
                        DescribeUpdateRequest.builder().name(CLUSTER).nodegroupName(WORKERS).updateId("u-1")),
                eks("tag a cluster", EksClient::tagResource, EksAsyncClient::tagResource,
                        TagResourceRequest.builder().resourceArn(CLUSTER_ARN).tags(Map.of("team", "web"))),
                eks("list a cluster's tags", EksClient::listTagsForResource, EksAsyncClient::listTagsForResource,
                        ListTagsForResourceRequest.builder().resourceArn(CLUSTER_ARN)),
                eks("untag a cluster", EksClient::untagResource, EksAsyncClient::untagResource,
                        UntagResourceRequest.builder().resourceArn(CLUSTER_ARN).tagKeys("team")),
                eks("tag a malformed ARN", EksClient::tagResource, EksAsyncClient::tagResource,
                        TagResourceRequest.builder().resourceArn("arn:aws:s3:::x").tags(Map.of("a", "b"))),
                sts("assume the spoke role", assume(ACCOUNT, "offhours")),
                sts("assume a role in a denied account is AccessDenied", assume(DENIED, "offhours")),
                sts("assume with the wrong ExternalId is AccessDenied", assume(ACCOUNT, "guess")),
                sts("assume a malformed role ARN", AssumeRoleRequest.builder().roleArn("role").roleSessionName("x1")),
                new Case("the hub's identity", s -> s.fleet().sts().getCallerIdentity(),
                        s -> s.fleet().stsAsync().getCallerIdentity()),
                new Case("credentials the fleet never issued are rejected",
                        s -> s.fleet().autoScaling(forged(), Spokes.REGION).describeAutoScalingGroups(),
                        s -> s.fleet().autoScalingAsync(forged(), Spokes.REGION).describeAutoScalingGroups()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void asynchronousCallAnswersAndCountsAsTheSynchronousOne(Case operation) {
        Side synchronous = Side.build();
        Side asynchronous = Side.build();

        Object expected = answer(() -> operation.sync().apply(synchronous));
        CompletableFuture<?> future = operation.async().apply(asynchronous);

        assertThat(future).as("manual time completes a call when it is made").isDone();
        Object actual = future.handle((answer, error) -> error == null ? answer : Failure.of(error)).join();
        assertThat(comparable(actual)).isEqualTo(comparable(expected));
        assertThat(asynchronous.observed()).isEqualTo(synchronous.observed());
    }

    private static <Q> Case asg(String name, BiFunction<AutoScalingClient, Q, ?> sync,
                                BiFunction<AutoScalingAsyncClient, Q, CompletableFuture<?>> async,
                                SdkBuilder<?, Q> request) {
        Q built = request.build();
        return new Case(name, s -> sync.apply(s.autoScaling(), built), s -> async.apply(s.autoScalingAsync(), built));
    }

    private static <Q> Case eks(String name, BiFunction<EksClient, Q, ?> sync,
                                BiFunction<EksAsyncClient, Q, CompletableFuture<?>> async, SdkBuilder<?, Q> request) {
        Q built = request.build();
        return new Case(name, s -> sync.apply(s.eks(), built), s -> async.apply(s.eksAsync(), built));
    }

    private static Case sts(String name, AssumeRoleRequest.Builder request) {
        AssumeRoleRequest built = request.build();
        return new Case(name, s -> s.fleet().sts().assumeRole(built), s -> s.fleet().stsAsync().assumeRole(built));
    }

    private static DescribeAutoScalingGroupsRequest.Builder describeGroups() {
        return DescribeAutoScalingGroupsRequest.builder();
    }

    private static UpdateAutoScalingGroupRequest.Builder updateGroup(String name) {
        return UpdateAutoScalingGroupRequest.builder().autoScalingGroupName(name);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().resourceId(WEB).resourceType("auto-scaling-group").key(key).value(value).build();
    }

    private static DescribeNodegroupRequest.Builder describeNodegroup(String cluster, String nodegroup) {
        return DescribeNodegroupRequest.builder().clusterName(cluster).nodegroupName(nodegroup);
    }

    private static UpdateNodegroupConfigRequest.Builder scaleWorkers(int min, int desired, int max) {
        return UpdateNodegroupConfigRequest.builder().clusterName(CLUSTER).nodegroupName(WORKERS)
                .scalingConfig(c -> c.minSize(min).desiredSize(desired).maxSize(max));
    }

    private static AssumeRoleRequest.Builder assume(String account, String externalId) {
        return AssumeRoleRequest.builder().roleArn("arn:aws:iam::" + account + ":role/offhours-spoke")
                .roleSessionName("offhours-test").externalId(externalId);
    }

    /** An answer without what is random on each side: update ids and credentials. */
    private static Object comparable(Object answer) {
        if (answer instanceof UpdateNodegroupConfigResponse r) {
            return List.of(r.update().status(), r.update().type(), r.update().params(), r.update().createdAt());
        }
        if (answer instanceof AssumeRoleResponse r) {
            return List.of(r.assumedRoleUser(), r.credentials().expiration());
        }
        return answer;
    }

    private static Object answer(Supplier<Object> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return Failure.of(e);
        }
    }

    private static AwsCredentialsProvider forged() {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIA100000000000FFFF", "secret",
                "sim/100000000000/offhours-spoke/1/forged"));
    }
}

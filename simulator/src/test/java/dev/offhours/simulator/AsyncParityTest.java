package dev.offhours.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.eks.EksAsyncClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigResponse;
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

    /** One fleet, the spoke account the clients act in, and its credentials. */
    record Side(SimulatedFleet fleet, String account, String denied, AwsCredentialsProvider credentials) {
        static Side build() {
            SimulatedFleet fleet = Spokes.small(Spokes.manualTime()).build();
            String account = Spokes.account(fleet, 0);
            String denied = Spokes.account(fleet, 1);
            fleet.addAsg(account, Spokes.REGION, WEB, new Capacity(1, 2, 10), Map.of("offhours.dev/schedule", "nights"));
            fleet.addNodegroup(account, Spokes.REGION, CLUSTER, WORKERS, new Capacity(2, 3, 10), Map.of());
            AwsCredentialsProvider credentials = Spokes.assume(fleet, account);
            fleet.denyAssumeRole(denied);
            return new Side(fleet, account, denied, credentials);
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

        String clusterArn() {
            return EksArn.cluster(Spokes.REGION, account, CLUSTER);
        }

        /** What a user can observe of the fleet after a call. */
        Object observed() {
            Target web = new Target(account, Spokes.REGION, dev.offhours.core.work.TargetKind.ASG, null, WEB, null);
            Target workers = new Target(account, Spokes.REGION, dev.offhours.core.work.TargetKind.EKS_NODEGROUP,
                    CLUSTER, WORKERS, null);
            return java.util.List.of(fleet.capacity(web), fleet.tags(web), fleet.capacity(workers),
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

    record Case(String name, Function<Side, Object> sync, Function<Side, CompletableFuture<?>> async,
                Function<Object, Object> view) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> operations() {
        return Stream.of(
                same("describe groups by name", s -> s.autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(WEB)),
                        s -> s.autoScalingAsync().describeAutoScalingGroups(r -> r.autoScalingGroupNames(WEB))),
                same("describe groups by tag filter, first page of two",
                        s -> s.autoScaling().describeAutoScalingGroups(r -> r.maxRecords(2)
                                .filters(f -> f.name("tag-key").values("offhours.dev/schedule"))),
                        s -> s.autoScalingAsync().describeAutoScalingGroups(r -> r.maxRecords(2)
                                .filters(f -> f.name("tag-key").values("offhours.dev/schedule")))),
                same("describe groups: 101 records is a ValidationError",
                        s -> s.autoScaling().describeAutoScalingGroups(r -> r.maxRecords(101)),
                        s -> s.autoScalingAsync().describeAutoScalingGroups(r -> r.maxRecords(101))),
                same("describe groups: a forged next token is rejected",
                        s -> s.autoScaling().describeAutoScalingGroups(r -> r.nextToken("forged")),
                        s -> s.autoScalingAsync().describeAutoScalingGroups(r -> r.nextToken("forged"))),
                same("update a group to sleep",
                        s -> s.autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName(WEB).minSize(0).desiredCapacity(0).maxSize(0)),
                        s -> s.autoScalingAsync().updateAutoScalingGroup(r -> r.autoScalingGroupName(WEB).minSize(0).desiredCapacity(0).maxSize(0))),
                same("update with desired below min is rejected",
                        s -> s.autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName(WEB).minSize(5).desiredCapacity(4)),
                        s -> s.autoScalingAsync().updateAutoScalingGroup(r -> r.autoScalingGroupName(WEB).minSize(5).desiredCapacity(4))),
                same("update a missing group is not found",
                        s -> s.autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName("gone").minSize(0)),
                        s -> s.autoScalingAsync().updateAutoScalingGroup(r -> r.autoScalingGroupName("gone").minSize(0))),
                same("set desired capacity", s -> s.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName(WEB).desiredCapacity(5)),
                        s -> s.autoScalingAsync().setDesiredCapacity(r -> r.autoScalingGroupName(WEB).desiredCapacity(5))),
                same("tag a group", s -> s.autoScaling().createOrUpdateTags(r -> r.tags(t -> t.resourceId(WEB)
                                .resourceType("auto-scaling-group").key("offhours.dev/awake-capacity").value("1,2,10"))),
                        s -> s.autoScalingAsync().createOrUpdateTags(r -> r.tags(t -> t.resourceId(WEB)
                                .resourceType("auto-scaling-group").key("offhours.dev/awake-capacity").value("1,2,10")))),
                same("describe a group's tags", s -> s.autoScaling().describeTags(r -> r.filters(f -> f.name("auto-scaling-group").values(WEB))),
                        s -> s.autoScalingAsync().describeTags(r -> r.filters(f -> f.name("auto-scaling-group").values(WEB)))),
                same("delete a group's tag", s -> s.autoScaling().deleteTags(r -> r.tags(t -> t.resourceId(WEB)
                                .resourceType("auto-scaling-group").key("offhours.dev/schedule"))),
                        s -> s.autoScalingAsync().deleteTags(r -> r.tags(t -> t.resourceId(WEB)
                                .resourceType("auto-scaling-group").key("offhours.dev/schedule")))),
                same("list clusters", s -> s.eks().listClusters(r -> { }), s -> s.eksAsync().listClusters(r -> { })),
                same("list node groups", s -> s.eks().listNodegroups(r -> r.clusterName(CLUSTER)),
                        s -> s.eksAsync().listNodegroups(r -> r.clusterName(CLUSTER))),
                same("describe a node group", s -> s.eks().describeNodegroup(r -> r.clusterName(CLUSTER).nodegroupName(WORKERS)),
                        s -> s.eksAsync().describeNodegroup(r -> r.clusterName(CLUSTER).nodegroupName(WORKERS))),
                same("describe a missing node group", s -> s.eks().describeNodegroup(r -> r.clusterName(CLUSTER).nodegroupName("gone")),
                        s -> s.eksAsync().describeNodegroup(r -> r.clusterName(CLUSTER).nodegroupName("gone"))),
                same("describe a node group of a missing cluster", s -> s.eks().describeNodegroup(r -> r.clusterName("gone").nodegroupName(WORKERS)),
                        s -> s.eksAsync().describeNodegroup(r -> r.clusterName("gone").nodegroupName(WORKERS))),
                new Case("update a node group's scaling (update ids are random)",
                        s -> s.eks().updateNodegroupConfig(r -> r.clusterName(CLUSTER).nodegroupName(WORKERS)
                                .scalingConfig(c -> c.minSize(0).desiredSize(0).maxSize(1))),
                        s -> s.eksAsync().updateNodegroupConfig(r -> r.clusterName(CLUSTER).nodegroupName(WORKERS)
                                .scalingConfig(c -> c.minSize(0).desiredSize(0).maxSize(1))),
                        answer -> answer instanceof UpdateNodegroupConfigResponse r
                                ? java.util.List.of(r.update().status(), r.update().type(), r.update().params()) : answer),
                same("a node group cannot scale to max 0", s -> s.eks().updateNodegroupConfig(r -> r.clusterName(CLUSTER).nodegroupName(WORKERS)
                                .scalingConfig(c -> c.minSize(0).desiredSize(0).maxSize(0))),
                        s -> s.eksAsync().updateNodegroupConfig(r -> r.clusterName(CLUSTER).nodegroupName(WORKERS)
                                .scalingConfig(c -> c.minSize(0).desiredSize(0).maxSize(0)))),
                same("describe an unknown update", s -> s.eks().describeUpdate(r -> r.name(CLUSTER).nodegroupName(WORKERS).updateId("u-1")),
                        s -> s.eksAsync().describeUpdate(r -> r.name(CLUSTER).nodegroupName(WORKERS).updateId("u-1"))),
                same("tag a cluster", s -> s.eks().tagResource(r -> r.resourceArn(s.clusterArn()).tags(Map.of("team", "web"))),
                        s -> s.eksAsync().tagResource(r -> r.resourceArn(s.clusterArn()).tags(Map.of("team", "web")))),
                same("list a cluster's tags", s -> s.eks().listTagsForResource(r -> r.resourceArn(s.clusterArn())),
                        s -> s.eksAsync().listTagsForResource(r -> r.resourceArn(s.clusterArn()))),
                same("untag a cluster", s -> s.eks().untagResource(r -> r.resourceArn(s.clusterArn()).tagKeys("team")),
                        s -> s.eksAsync().untagResource(r -> r.resourceArn(s.clusterArn()).tagKeys("team"))),
                same("tag a malformed ARN", s -> s.eks().tagResource(r -> r.resourceArn("arn:aws:s3:::x").tags(Map.of("a", "b"))),
                        s -> s.eksAsync().tagResource(r -> r.resourceArn("arn:aws:s3:::x").tags(Map.of("a", "b")))),
                new Case("assume the spoke role (credentials are random)",
                        s -> s.fleet().sts().assumeRole(r -> assume(r, s.fleet(), s.account(), "offhours")),
                        s -> s.fleet().stsAsync().assumeRole(r -> assume(r, s.fleet(), s.account(), "offhours")),
                        answer -> answer instanceof AssumeRoleResponse r
                                ? java.util.List.of(r.assumedRoleUser(), r.credentials().expiration()) : answer),
                same("assume a role in a denied account is AccessDenied",
                        s -> s.fleet().sts().assumeRole(r -> assume(r, s.fleet(), s.denied(), "offhours")),
                        s -> s.fleet().stsAsync().assumeRole(r -> assume(r, s.fleet(), s.denied(), "offhours"))),
                same("assume with the wrong ExternalId is AccessDenied",
                        s -> s.fleet().sts().assumeRole(r -> assume(r, s.fleet(), s.account(), "guess")),
                        s -> s.fleet().stsAsync().assumeRole(r -> assume(r, s.fleet(), s.account(), "guess"))),
                same("assume a malformed role ARN", s -> s.fleet().sts().assumeRole(r -> r.roleArn("role").roleSessionName("x1")),
                        s -> s.fleet().stsAsync().assumeRole(r -> r.roleArn("role").roleSessionName("x1"))),
                same("the hub's identity", s -> s.fleet().sts().getCallerIdentity(), s -> s.fleet().stsAsync().getCallerIdentity()),
                same("credentials the fleet never issued are rejected",
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
        assertThat(operation.view().apply(actual)).isEqualTo(operation.view().apply(expected));
        assertThat(asynchronous.observed()).isEqualTo(synchronous.observed());
    }

    private static Case same(String name, Function<Side, Object> sync, Function<Side, CompletableFuture<?>> async) {
        return new Case(name, sync, async, Function.identity());
    }

    private static Object answer(java.util.function.Supplier<Object> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return Failure.of(e);
        }
    }

    private static void assume(software.amazon.awssdk.services.sts.model.AssumeRoleRequest.Builder request,
                               SimulatedFleet fleet, String account, String externalId) {
        request.roleArn(fleet.roleArn(account)).roleSessionName("offhours-test").externalId(externalId);
    }

    private static AwsCredentialsProvider forged() {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIA100000000000FFFF", "secret",
                "sim/100000000000/offhours-spoke/1/forged"));
    }
}

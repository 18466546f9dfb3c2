package dev.offhours.simulator;

import dev.offhours.core.work.TargetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import dev.offhours.core.quota.LaunchShape;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.eks.EksAsyncClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.sts.StsAsyncClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An in-process AWS fleet: many spoke accounts with ASGs and EKS node groups, served through the SDK's own client
 * interfaces with AWS's validation rules, per account-region token buckets, latency and injected faults.
 *
 * <p>The hub reaches a spoke like in AWS: {@code fleet.sts().assumeRole(...)} with
 * {@code arn:aws:iam::<account>:role/<role name>} and the ExternalId, then
 * {@link #autoScaling(AwsCredentialsProvider, String)} and {@link #eks(AwsCredentialsProvider, String)} with those
 * credentials; they and their asynchronous twins {@link #autoScalingAsync} and {@link #eksAsync} have the shapes of
 * the worker's {@code SpokeClientFactory}, so {@code fleet::autoScaling}, {@code fleet::eks},
 * {@code fleet::autoScalingAsync} and {@code fleet::eksAsync} wire it. Each call acts in the account whose role issued
 * the credentials it resolves.
 */
public final class SimulatedFleet {
    private final FleetRuntime runtime;
    private final RateLimits limits;
    private final FleetGenerator generator;
    private final AsyncCalls asyncCalls;

    SimulatedFleet(FleetConfig config, FleetTopology topology, FleetTime time) {
        FleetState state = new FleetState();
        this.generator = new FleetGenerator(config.seed(), time.instant());
        generator.generate(topology, state);
        this.limits = new RateLimits(config.buckets(), time);
        Sessions sessions = new Sessions(time);
        FleetMetrics metrics = new FleetMetrics();
        CallGate gate = new CallGate(config, time, limits, sessions, metrics, new Random(config.seed() * 31 + 7));
        this.runtime = new FleetRuntime(config, time, state, gate, sessions, metrics);
        this.asyncCalls = new AsyncCalls(runtime);
    }

    public static FleetBuilder builder() {
        return new FleetBuilder();
    }

    /** Auto Scaling in {@code region} of the account whose credentials these are (SpokeClientFactory shape). */
    public AutoScalingClient autoScaling(AwsCredentialsProvider credentials, String region) {
        return new SimulatedAutoScalingClient(runtime, credentials, region);
    }

    /** EKS in {@code region} of the account whose credentials these are (SpokeClientFactory shape). */
    public EksClient eks(AwsCredentialsProvider credentials, String region) {
        return new SimulatedEksClient(runtime, credentials, region);
    }

    /**
     * Auto Scaling as an asynchronous client: the same fleet, rules, buckets and faults as
     * {@link #autoScaling(AwsCredentialsProvider, String)}, but no thread waits out a call's latency. It passes on
     * the fleet time's {@link FleetTime#schedule timer} (scaled time: two daemon threads, started when first needed and
     * ended when idle, so the fleet needs no closing; manual time: advanced at once, and the future is complete when
     * returned). Failed futures hold the exception the synchronous client would throw. Continuations attached without
     * an executor run on the timer's threads and must not block.
     */
    public AutoScalingAsyncClient autoScalingAsync(AwsCredentialsProvider credentials, String region) {
        return new SimulatedAutoScalingAsyncClient(asyncCalls, credentials, region);
    }

    /** EKS as an asynchronous client (see {@link #autoScalingAsync}). */
    public EksAsyncClient eksAsync(AwsCredentialsProvider credentials, String region) {
        return new SimulatedEksAsyncClient(asyncCalls, credentials, region);
    }

    /** EC2 in {@code region} of the account whose credentials these are: DescribeInstanceTypes. */
    public Ec2Client ec2(AwsCredentialsProvider credentials, String region) {
        return new SimulatedEc2Client(runtime, credentials, region);
    }

    /** Service Quotas in {@code region} of the account whose credentials these are: the EC2 vCPU quotas. */
    public ServiceQuotasClient serviceQuotas(AwsCredentialsProvider credentials, String region) {
        return new SimulatedServiceQuotasClient(runtime, credentials, region);
    }

    /** CloudWatch in {@code region} of the account whose credentials these are: the EC2 vCPU usage metrics. */
    public CloudWatchClient cloudWatch(AwsCredentialsProvider credentials, String region) {
        return new SimulatedCloudWatchClient(runtime, credentials, region);
    }

    /** Sets an EC2 vCPU quota (Service Quotas code, e.g. {@code L-1216C47A}) of one account and region. */
    public void setQuota(String account, String region, String code, double value) {
        runtime.state().quotas().setQuota(account, region, code, value);
    }

    /** vCPUs running outside the fleet's groups (usage class as in AWS/Usage, e.g. {@code Standard/OnDemand}). */
    public void addUsage(String account, String region, String usageClass, double vcpus) {
        runtime.state().quotas().addUsage(account, region, usageClass, vcpus);
    }

    /** Sets what a group or node group launches (instance types, On-Demand base and percentage above it). */
    public void setLaunch(Target target, LaunchShape launch) {
        inspect(target, asg -> {
            asg.launch = launch;
            return null;
        }, ng -> {
            ng.launch = launch;
            return null;
        });
    }

    /** STS as the hub sees it (the hub's own identity; no credentials needed). */
    public StsClient sts() {
        return new SimulatedStsClient(runtime, null, runtime.config().hubRegion());
    }

    /** STS as the hub sees it, as an asynchronous client (see {@link #autoScalingAsync}). */
    public StsAsyncClient stsAsync() {
        return new SimulatedStsAsyncClient(asyncCalls, null, runtime.config().hubRegion());
    }

    /** STS called with a spoke session's credentials (GetCallerIdentity, role chaining). */
    public StsClient sts(AwsCredentialsProvider credentials) {
        return new SimulatedStsClient(runtime, credentials, runtime.config().hubRegion());
    }

    /** The ARN of the spoke role in {@code account}, as AssumeRole accepts it. */
    public String roleArn(String account) {
        return "arn:aws:iam::" + account + ":role/" + runtime.config().roleName();
    }

    /** Every resource that carries {@code offhours.dev/schedule} now, ordered by account, region, kind and name. */
    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        runtime.state().regions().forEach((where, region) -> region.locked(r -> {
            r.asgs().values().forEach(asg -> optedIn(where, null, asg.name, asg.tags, targets));
            r.clusters().values().forEach(c -> c.nodegroups.values()
                    .forEach(ng -> optedIn(where, c.name, ng.name, ng.tags, targets)));
            return null;
        }));
        return List.copyOf(targets);
    }

    public Set<String> accounts() {
        return runtime.state().accounts();
    }

    public List<AccountRegion> accountRegions() {
        return List.copyOf(runtime.state().regions().keySet());
    }

    /** Current capacity (an ASG's sizes, a node group's scaling config), read without latency or rate limits. */
    public Capacity capacity(Target target) {
        return inspect(target, asg -> asg.capacity(), ng -> ng.scaling);
    }

    public Map<String, String> tags(Target target) {
        return inspect(target, asg -> Map.copyOf(asg.tags), ng -> Map.copyOf(ng.tags));
    }

    /** Whether a node group has an update in progress. */
    public boolean updating(Target nodegroup) {
        return inspect(nodegroup, asg -> false, NodegroupState::updating);
    }

    /** Adds (or replaces) an ASG, e.g. to set up a case a test needs; the account becomes part of the fleet. */
    public Target addAsg(String account, String region, String name, Capacity capacity, Map<String, String> tags) {
        runtime.state().addAccount(account);
        runtime.state().region(account, region).locked(r -> generator.addAsg(r, name, capacity, tags));
        return new Target(account, region, TargetKind.ASG, null, name, tags.get(FleetGenerator.SCHEDULE_TAG));
    }

    /** Adds (or replaces) a node group, creating its cluster if needed; the account becomes part of the fleet. */
    public Target addNodegroup(String account, String region, String cluster, String name, Capacity capacity,
                               Map<String, String> tags) {
        runtime.state().addAccount(account);
        runtime.state().region(account, region).locked(r -> generator.addNodegroup(r, cluster, name, capacity, tags));
        return new Target(account, region, TargetKind.EKS_NODEGROUP, cluster, name,
                tags.get(FleetGenerator.SCHEDULE_TAG));
    }

    /**
     * Sets a resource's sizes the way a scaling policy, a scheduled action or an owner outside the hub would: no API
     * call is counted, no rate limit or latency applies (for benchmarks that must count only the hub's calls).
     */
    public void setCapacity(Target target, Capacity capacity) {
        inspect(target, asg -> {
            asg.setCapacity(capacity);
            return null;
        }, ng -> {
            ng.scaling = capacity;
            return null;
        });
    }

    /** Deletes an ASG or node group the way its owner would, without counting an API call. */
    public void remove(Target target) {
        runtime.state().region(target.account(), target.region()).locked(r -> target.kind() == TargetKind.ASG
                ? r.asgs().remove(target.name())
                : r.cluster(target.cluster()).map(c -> c.nodegroups.remove(target.name())).orElse(null));
    }

    /** From now on AssumeRole into this account answers AccessDenied (credentials issued before keep working). */
    public void denyAssumeRole(String account) {
        runtime.state().deny(account);
    }

    public void allowAssumeRole(String account) {
        runtime.state().allow(account);
    }

    public Set<String> deniedAccounts() {
        return runtime.state().deniedAccounts();
    }

    /** The node group's current and future updates stay InProgress (and block further updates) until unstuck. */
    public void stick(Target nodegroup) {
        inspect(nodegroup, asg -> notANodegroup(nodegroup), ng -> ng.stuck = true);
    }

    /** Lets the node group's updates complete again (at once if their duration has passed). */
    public void unstick(Target nodegroup) {
        inspect(nodegroup, asg -> notANodegroup(nodegroup), ng -> ng.stuck = false);
    }

    public List<Target> stuckNodegroups() {
        return targets().stream().filter(t -> t.kind() == TargetKind.EKS_NODEGROUP)
                .filter(t -> inspect(t, asg -> false, ng -> ng.stuck)).toList();
    }

    public FleetMetrics metrics() {
        return runtime.metrics();
    }

    public FleetConfig config() {
        return runtime.config();
    }

    /** The simulated time; measure benchmark phases with {@code time().nanos()} to compare with bucket limits. */
    public FleetTime time() {
        return runtime.time();
    }

    /** Fills every token bucket again, e.g. between a sleep storm and a wake storm. */
    public void refillBuckets() {
        limits.refillAll();
    }

    private static boolean notANodegroup(Target target) {
        throw new IllegalArgumentException("only node groups have updates; " + target + " is an ASG");
    }

    private void optedIn(AccountRegion where, String cluster, String name, Map<String, String> tags,
                         List<Target> into) {
        String schedule = tags.get(FleetGenerator.SCHEDULE_TAG);
        if (schedule != null) {
            TargetKind kind = cluster == null ? TargetKind.ASG : TargetKind.EKS_NODEGROUP;
            into.add(new Target(where.account(), where.region(), kind, cluster, name, schedule));
        }
    }

    private <T> T inspect(Target target, java.util.function.Function<AsgState, T> onAsg,
                          java.util.function.Function<NodegroupState, T> onNodegroup) {
        RegionState region = runtime.state().region(target.account(), target.region());
        return region.locked(r -> {
            if (target.kind() == TargetKind.ASG) {
                return onAsg.apply(r.asg(target.name()).orElseThrow(() -> missing(target)));
            }
            NodegroupState ng = r.nodegroup(target.cluster(), target.name()).orElseThrow(() -> missing(target));
            FleetConfig config = runtime.config();
            ng.settle(runtime.time().nanos(), runtime.time().instant(), config.scalingApplies());
            return onNodegroup.apply(ng);
        });
    }

    private static NoSuchElementException missing(Target target) {
        return new NoSuchElementException("the fleet has no " + target.kind().wireName() + " " + target);
    }
}

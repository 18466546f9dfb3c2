package dev.offhours.worker;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.AwakeCapacityStore;
import dev.offhours.testsupport.store.InMemoryAwakeCapacityStore;
import dev.offhours.core.port.IntentLedger;
import dev.offhours.core.port.OperationStore;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.worker.aws.AwsSpokeClientFactory;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.sts.StsClient;

/** A wired SpokeWorker against moto, plus helpers that build spoke resources through the same assumed roles. */
final class MotoFleet implements AutoCloseable {

    static final String SCHEDULE = "office-hours";
    static final Instant NOW = Instant.parse("2026-03-02T17:00:00Z");
    static final String REGION = "us-east-1";

    final MotoServer moto;
    final AwsSpokeClientFactory factory;
    final StsClient sts;
    final RoleCredentialsCache credentials;
    final SpokeClients clients;
    final Pipelines pipelines;
    final OperationStore operations;
    final InMemoryAwakeCapacityStore awake = new InMemoryAwakeCapacityStore();
    final SpokeWorker worker;
    private final WorkItemCodec codec = new WorkItemCodec();
    private final AwsSpokeClientFactory setupFactory;
    private final AwsSpokeClientFactory stsFactory;

    MotoFleet(MotoServer moto, OperationStore operations, List<ExecutionInterceptor> spokeInterceptors,
              List<ExecutionInterceptor> stsInterceptors) {
        this(moto, operations, null, null, Clock.fixed(NOW, ZoneOffset.UTC), SpokeWorker.Settings.defaults(),
                spokeInterceptors, stsInterceptors);
    }

    /**
     * A fleet whose worker keeps awake capacities in {@code awakeStore} and orders its work with {@code ledger}
     * (both null: {@link #awake}, in memory).
     */
    MotoFleet(MotoServer moto, OperationStore operations, AwakeCapacityStore awakeStore, IntentLedger ledger,
              Clock clock, SpokeWorker.Settings settings, List<ExecutionInterceptor> spokeInterceptors,
              List<ExecutionInterceptor> stsInterceptors) {
        this.moto = moto;
        this.operations = operations;
        List<ExecutionInterceptor> interceptors = new java.util.ArrayList<>(spokeInterceptors);
        interceptors.add(new MotoNodegroupTagGap());
        this.factory = new AwsSpokeClientFactory(moto.endpoint(), interceptors, 50);
        this.stsFactory = new AwsSpokeClientFactory(moto.endpoint(), stsInterceptors, 10);
        this.sts = stsFactory.sts(moto.credentials(), REGION);
        this.pipelines = new Pipelines(ResilienceSettings.defaults()
                .withRetries(10, Duration.ofMillis(5), Duration.ofMillis(100)));
        this.credentials = new RoleCredentialsCache(stsFactory.stsAsync(moto.credentials(), REGION),
                RoleCredentialsCache.Settings.of("offhours-spoke", "ext-42"), clock, pipelines.stsGuard());
        this.clients = new SpokeClients(factory, credentials);
        this.worker = new SpokeWorker(clients, pipelines, operations, awakeStore == null ? awake : awakeStore,
                ledger == null ? awake : ledger, clock, settings);
        this.setupFactory = new AwsSpokeClientFactory(moto.endpoint(), List.of(), 10);
    }

    Outcome handle(WorkItem item, int receiveCount) {
        return worker.handle(new ReceivedMessage("m-" + item.target().key(), codec.encode(item), receiveCount));
    }

    static WorkItem item(Action action, Target target, Instant transition) {
        return WorkItem.of(SCHEDULE, transition, action, target, AsleepCapacity.ZERO, "main@sha1:abc",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    }

    AutoScalingClient asgOf(String account) {
        return setupFactory.autoScaling(spokeCredentials(account), REGION);
    }

    EksClient eksOf(String account) {
        return setupFactory.eks(spokeCredentials(account), REGION);
    }

    private software.amazon.awssdk.auth.credentials.AwsCredentialsProvider spokeCredentials(String account) {
        try (StsClient setupSts = moto.client(StsClient.builder())) {
            RoleCredentialsCache setup = new RoleCredentialsCache(setupSts,
                    RoleCredentialsCache.Settings.of("offhours-spoke", "ext-42"), Clock.systemUTC());
            return software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(setup.credentials(account));
        }
    }

    Target createAsg(String account, String name, Capacity capacity, Map<String, String> tags) {
        try (AutoScalingClient asg = asgOf(account)) {
            asg.createLaunchConfiguration(b -> b.launchConfigurationName("lc-" + name).imageId("ami-12345678")
                    .instanceType("t3.micro"));
            asg.createAutoScalingGroup(b -> b.autoScalingGroupName(name).launchConfigurationName("lc-" + name)
                    .minSize(capacity.min()).desiredCapacity(capacity.desired()).maxSize(capacity.max())
                    .availabilityZones(REGION + "a")
                    .tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.autoscaling.model.Tag.builder()
                            .resourceId(name).resourceType("auto-scaling-group").key(e.getKey()).value(e.getValue())
                            .propagateAtLaunch(false).build()).toList()));
        }
        return Target.asg(account, REGION, name);
    }

    Target createNodegroup(String account, String cluster, String name, Capacity capacity, Map<String, String> tags) {
        try (EksClient eks = eksOf(account)) {
            if (eks.listClusters().clusters().stream().noneMatch(cluster::equals)) {
                eks.createCluster(b -> b.name(cluster).roleArn("arn:aws:iam::" + account + ":role/eks")
                        .resourcesVpcConfig(v -> v.subnetIds("subnet-1", "subnet-2")));
            }
            eks.createNodegroup(b -> b.clusterName(cluster).nodegroupName(name)
                    .nodeRole("arn:aws:iam::" + account + ":role/node").subnets("subnet-1")
                    .scalingConfig(s -> s.minSize(capacity.min()).desiredSize(capacity.desired()).maxSize(capacity.max()))
                    .tags(tags));
        }
        return Target.nodegroup(account, REGION, cluster, name);
    }

    Capacity capacityOf(Target target) {
        if (target.cluster() == null) {
            try (AutoScalingClient asg = asgOf(target.account())) {
                AutoScalingGroup g = asg.describeAutoScalingGroups(b -> b.autoScalingGroupNames(target.name()))
                        .autoScalingGroups().get(0);
                return new Capacity(g.minSize(), g.desiredCapacity(), g.maxSize());
            }
        }
        try (EksClient eks = eksOf(target.account())) {
            NodegroupScalingConfig s = eks.describeNodegroup(b -> b.clusterName(target.cluster()).nodegroupName(target.name()))
                    .nodegroup().scalingConfig();
            return new Capacity(s.minSize(), s.desiredSize(), s.maxSize());
        }
    }

    String tagOf(Target target, String key) {
        if (target.cluster() == null) {
            try (AutoScalingClient asg = asgOf(target.account())) {
                return asg.describeAutoScalingGroups(b -> b.autoScalingGroupNames(target.name())).autoScalingGroups().get(0)
                        .tags().stream().filter(t -> t.key().equals(key)).map(t -> t.value()).findFirst().orElse(null);
            }
        }
        try (EksClient eks = eksOf(target.account())) {
            return eks.describeNodegroup(b -> b.clusterName(target.cluster()).nodegroupName(target.name()))
                    .nodegroup().tags().get(key);
        }
    }

    static Map<String, String> optIn() {
        return Map.of(OffhoursTags.SCHEDULE, SCHEDULE);
    }

    @Override
    public void close() {
        clients.close();
        sts.close();
        factory.close();
        setupFactory.close();
        stsFactory.close();
    }
}

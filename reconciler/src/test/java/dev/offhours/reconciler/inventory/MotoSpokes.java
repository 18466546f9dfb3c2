package dev.offhours.reconciler.inventory;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.work.Target;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.worker.aws.AwsSpokeClientFactory;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Spoke accounts in moto reached the way the hub reaches them: through AssumeRole of the spoke role, with the
 * worker's credential cache, clients and pipelines (fast retries so failing tests stay short). Interceptors inject
 * the errors moto never produces. Setup clients assume the same roles without interceptors.
 */
final class MotoSpokes implements AutoCloseable {

    static final String REGION = "us-east-1";
    static final String ROLE = "offhours-spoke";
    static final String EXTERNAL_ID = "ext-secret-42";

    final RoleCredentialsCache credentials;
    final Pipelines pipelines;
    final SpokeListing listing;
    private final AwsSpokeClientFactory factory;
    private final AwsSpokeClientFactory stsFactory;
    private final AwsSpokeClientFactory setupFactory;
    private final StsClient sts;
    private final SpokeClients clients;
    private final StsClient setupSts;
    private final RoleCredentialsCache setupRoles;
    private final Map<String, AwsCredentialsProvider> setupCredentials = new java.util.concurrent.ConcurrentHashMap<>();

    MotoSpokes(MotoServer moto, List<ExecutionInterceptor> spokeInterceptors, List<ExecutionInterceptor> stsInterceptors) {
        this.factory = new AwsSpokeClientFactory(moto.endpoint(), spokeInterceptors, 50);
        this.stsFactory = new AwsSpokeClientFactory(moto.endpoint(), stsInterceptors, 10);
        this.setupFactory = new AwsSpokeClientFactory(moto.endpoint(), List.of(), 10);
        this.sts = stsFactory.sts(moto.credentials(), REGION);
        this.pipelines = new Pipelines(ResilienceSettings.defaults().withRetries(2, Duration.ofMillis(1), Duration.ofMillis(5)));
        this.credentials = new RoleCredentialsCache(sts, RoleCredentialsCache.Settings.of(ROLE, EXTERNAL_ID),
                Clock.systemUTC(), pipelines.stsGuard());
        this.clients = new SpokeClients(factory, credentials);
        this.listing = new SpokeListing(clients, pipelines);
        this.setupSts = moto.client(StsClient.builder());
        this.setupRoles = new RoleCredentialsCache(setupSts, RoleCredentialsCache.Settings.of(ROLE, EXTERNAL_ID),
                Clock.systemUTC());
    }

    Target createAsg(String account, String name, Capacity capacity, Map<String, String> tags) {
        try (AutoScalingClient asg = setupFactory.autoScaling(setupCredentials(account), REGION)) {
            asg.createLaunchConfiguration(b -> b.launchConfigurationName("lc-" + name).imageId("ami-12345678")
                    .instanceType("t3.micro"));
            asg.createAutoScalingGroup(b -> b.autoScalingGroupName(name).launchConfigurationName("lc-" + name)
                    .minSize(capacity.min()).desiredCapacity(capacity.desired()).maxSize(capacity.max())
                    .availabilityZones(REGION + "a")
                    .tags(tags.entrySet().stream().map(e -> Tag.builder().resourceId(name)
                            .resourceType("auto-scaling-group").key(e.getKey()).value(e.getValue())
                            .propagateAtLaunch(false).build()).toList()));
        }
        return Target.asg(account, REGION, name);
    }

    void tagAsg(Target asg, String key, String value) {
        try (AutoScalingClient client = setupFactory.autoScaling(setupCredentials(asg.account()), REGION)) {
            client.createOrUpdateTags(b -> b.tags(Tag.builder().resourceId(asg.name()).resourceType("auto-scaling-group")
                    .key(key).value(value).propagateAtLaunch(false).build()));
        }
    }

    void removeAsgTag(Target asg, String key) {
        try (AutoScalingClient client = setupFactory.autoScaling(setupCredentials(asg.account()), REGION)) {
            client.deleteTags(b -> b.tags(Tag.builder().resourceId(asg.name()).resourceType("auto-scaling-group")
                    .key(key).build()));
        }
    }

    void resizeAsg(Target asg, Capacity capacity) {
        try (AutoScalingClient client = setupFactory.autoScaling(setupCredentials(asg.account()), REGION)) {
            client.updateAutoScalingGroup(b -> b.autoScalingGroupName(asg.name()).minSize(capacity.min())
                    .desiredCapacity(capacity.desired()).maxSize(capacity.max()));
        }
    }

    Target createNodegroup(String account, String cluster, String name, Capacity capacity, Map<String, String> tags) {
        try (EksClient eks = setupFactory.eks(setupCredentials(account), REGION)) {
            if (!eks.listClusters().clusters().contains(cluster)) {
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

    void deleteNodegroup(Target nodegroup) {
        try (EksClient eks = setupFactory.eks(setupCredentials(nodegroup.account()), REGION)) {
            eks.deleteNodegroup(b -> b.clusterName(nodegroup.cluster()).nodegroupName(nodegroup.name()));
        }
    }

    private AwsCredentialsProvider setupCredentials(String account) {
        return setupCredentials.computeIfAbsent(account,
                key -> StaticCredentialsProvider.create(setupRoles.credentials(account)));
    }

    @Override
    public void close() {
        clients.close();
        sts.close();
        factory.close();
        stsFactory.close();
        setupFactory.close();
        setupSts.close();
    }
}

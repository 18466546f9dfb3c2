package dev.offhours.reconciler.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.quota.LaunchShape;
import dev.offhours.core.quota.Purchase;
import dev.offhours.core.quota.QuotaClass;
import dev.offhours.core.quota.QuotaKey;
import dev.offhours.core.quota.QuotaReadings;
import dev.offhours.core.work.Target;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.worker.aws.AwsSpokeClientFactory;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.CapacityTypes;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The pre-flight's AWS calls against moto, in a spoke account behind the spoke role, where moto has them: what Auto
 * Scaling groups (launch template, launch configuration, mixed instances policy) and an EKS node group launch,
 * DescribeLaunchTemplateVersions, DescribeInstanceTypes and GetMetricData of the {@code AWS/Usage} vCPU metric (through
 * the test launcher's CBOR translation). moto answers Service Quotas only for {@code vpc}: the EC2 quotas come back
 * unknown, never as an error that stops the wave (their rules are tested on the simulator).
 */
@ExtendWith(MotoExtension.class)
class SpokeQuotaSourceOnMotoTest {

    private static final String ACCOUNT = "444455556666";
    private static final String REGION = "us-east-1";

    private MotoServer moto;
    private AwsSpokeClientFactory factory;
    private AwsQuotaClients quotaClients;
    private StsClient sts;
    private SpokeClients spokes;
    private SpokeQuotaSource source;
    private AwsCredentialsProvider spoke;

    @BeforeEach
    void wire(MotoServer moto) {
        this.moto = moto;
        factory = new AwsSpokeClientFactory(moto.endpoint(), List.of(), 10);
        quotaClients = new AwsQuotaClients(moto.endpoint());
        sts = factory.sts(moto.credentials(), REGION);
        Clock clock = Clock.systemUTC();
        RoleCredentialsCache credentials = new RoleCredentialsCache(sts,
                RoleCredentialsCache.Settings.of("offhours-spoke", "ext-42"), clock);
        spokes = new SpokeClients(factory, credentials);
        source = new SpokeQuotaSource(spokes, quotaClients, clock);
        spoke = StaticCredentialsProvider.create(credentials.credentials(ACCOUNT));
    }

    @AfterEach
    void close() {
        source.close();
        spokes.close();
        sts.close();
        quotaClients.close();
        factory.close();
    }

    @Test
    void whatEachTargetLaunchesAndTheVcpusOfItsTypes() {
        try (Ec2Client ec2 = quotaClients.ec2(spoke, REGION); AutoScalingClient asg = factory.autoScaling(spoke, REGION);
             EksClient eks = factory.eks(spoke, REGION)) {
            String template = ec2.createLaunchTemplate(b -> b.launchTemplateName("web")
                    .launchTemplateData(d -> d.imageId("ami-12345678").instanceType("m5.xlarge")))
                    .launchTemplate().launchTemplateId();
            asg.createAutoScalingGroup(b -> b.autoScalingGroupName("web").minSize(0).maxSize(4).desiredCapacity(0)
                    .availabilityZones(REGION + "a")
                    .launchTemplate(t -> t.launchTemplateId(template).version("$Latest")));
            asg.createAutoScalingGroup(b -> b.autoScalingGroupName("batch").minSize(0).maxSize(8).desiredCapacity(0)
                    .availabilityZones(REGION + "a")
                    .mixedInstancesPolicy(m -> m.launchTemplate(t -> t
                                    .launchTemplateSpecification(s -> s.launchTemplateName("web"))
                                    .overrides(o -> o.instanceType("c5.large"), o -> o.instanceType("m5.2xlarge")))
                            .instancesDistribution(d -> d.onDemandBaseCapacity(1)
                                    .onDemandPercentageAboveBaseCapacity(50))));
            asg.createLaunchConfiguration(b -> b.launchConfigurationName("lc-legacy").imageId("ami-12345678")
                    .instanceType("t3.medium"));
            asg.createAutoScalingGroup(b -> b.autoScalingGroupName("legacy").minSize(0).maxSize(2).desiredCapacity(0)
                    .availabilityZones(REGION + "a").launchConfigurationName("lc-legacy"));
            eks.createCluster(b -> b.name("ml").roleArn("arn:aws:iam::" + ACCOUNT + ":role/eks")
                    .resourcesVpcConfig(v -> v.subnetIds("subnet-1", "subnet-2")));
            eks.createNodegroup(b -> b.clusterName("ml").nodegroupName("gpu").nodeRole("arn:aws:iam::" + ACCOUNT
                            + ":role/node").subnets("subnet-1").instanceTypes("g5.xlarge").capacityType(CapacityTypes.SPOT)
                    .scalingConfig(s -> s.minSize(0).desiredSize(0).maxSize(3)));
        }
        List<Target> targets = List.of(Target.asg(ACCOUNT, REGION, "web"), Target.asg(ACCOUNT, REGION, "batch"),
                Target.asg(ACCOUNT, REGION, "legacy"), Target.nodegroup(ACCOUNT, REGION, "ml", "gpu"));

        Map<String, LaunchShape> shapes = source.launchShapes(ACCOUNT, REGION, targets);

        assertThat(shapes).containsExactlyInAnyOrderEntriesOf(Map.of(
                targets.get(0).key(), LaunchShape.onDemand(List.of("m5.xlarge")),
                targets.get(1).key(), new LaunchShape(List.of("c5.large", "m5.2xlarge"), 1, 50),
                targets.get(2).key(), LaunchShape.onDemand(List.of("t3.medium")),
                targets.get(3).key(), LaunchShape.spot(List.of("g5.xlarge"))));

        QuotaReadings readings = source.readings(ACCOUNT, REGION,
                Set.of("m5.xlarge", "c5.large", "m5.2xlarge", "t3.medium", "g5.xlarge", "zz9.unknown"));
        assertThat(readings.vcpusPerType()).containsExactlyInAnyOrderEntriesOf(Map.of("m5.xlarge", 4, "c5.large", 2,
                "m5.2xlarge", 8, "t3.medium", 2, "g5.xlarge", 4));
        assertThat(readings.quotas()).as("moto has no EC2 quotas: unknown, not an error").isEmpty();
    }

    @Test
    void theVcpusInUseAreTheLatestMaximumOfTheUsageMetric() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (CloudWatchClient cloudWatch = quotaClients.cloudWatch(spoke, REGION)) {
            for (double[] point : new double[][] {{10, 180}, {48, 60}}) {
                cloudWatch.putMetricData(b -> b.namespace("AWS/Usage").metricData(d -> d.metricName("ResourceCount")
                        .dimensions(dimension("Service", "EC2"), dimension("Type", "Resource"),
                                dimension("Resource", "vCPU"), dimension("Class", "Standard/OnDemand"))
                        .value(point[0]).timestamp(now.minusSeconds((long) point[1]))));
            }
        }

        QuotaReadings readings = source.readings(ACCOUNT, REGION, Set.of("m5.large"));

        assertThat(readings.usage()).containsEntry(new QuotaKey(QuotaClass.STANDARD, Purchase.ON_DEMAND), 48.0)
                .containsEntry(new QuotaKey(QuotaClass.STANDARD, Purchase.SPOT), 0.0);
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }
}

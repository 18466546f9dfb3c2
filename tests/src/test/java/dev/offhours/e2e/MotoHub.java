package dev.offhours.e2e;

import dev.offhours.reconciler.OffhoursApplication;
import dev.offhours.reconciler.OffhoursConfiguration;
import dev.offhours.reconciler.service.Hub;
import dev.offhours.reconciler.api.ApiConfig;
import dev.offhours.reconciler.config.StoreConfig;
import dev.offhours.reconciler.git.GitSourceConfig;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * A hub on moto, as production runs it: DynamoDB tables created from code, an SQS queue pair, spoke ASGs in their own
 * moto accounts reached through AssumeRole, and the service started through Dropwizard's test support.
 */
final class MotoHub {

    static final String ROLE = "offhours-spoke";
    static final String EXTERNAL_ID = "e2e-external-id";
    static final String TAG = "offhours.dev/schedule";
    /** SHA-256 of the status API token "test"; the end-to-end tests read the hub through its stores. */
    static final String API_TOKEN_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final HubTableDefinitions.TableNames TABLES = HubTableDefinitions.TableNames.withPrefix("e2e-");

    record Queues(String work, String deadLetter) {
    }

    private MotoHub() {
    }

    static void createTables(MotoServer moto) {
        try (DynamoDbClient dynamo = moto.client(DynamoDbClient.builder())) {
            HubTableDefinitions.createAll(dynamo, TABLES);
        }
    }

    static Queues createQueues(MotoServer moto) {
        try (SqsClient sqs = moto.client(SqsClient.builder())) {
            String dlq = sqs.createQueue(b -> b.queueName("e2e-work-dlq")).queueUrl();
            String arn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String work = sqs.createQueue(b -> b.queueName("e2e-work").attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, "30",
                    QueueAttributeName.REDRIVE_POLICY, "{\"maxReceiveCount\":\"5\",\"deadLetterTargetArn\":\""
                            + arn + "\"}"))).queueUrl();
            return new Queues(work, dlq);
        }
    }

    /** An ASG in {@code account} (moto keeps accounts apart), created with that account's assumed role. */
    static void createAsg(MotoServer moto, String account, String name, int min, int desired, int max,
                          String schedule) {
        try (AutoScalingClient asg = moto.client(AutoScalingClient.builder(), spokeCredentials(moto, account))) {
            asg.createLaunchConfiguration(b -> b.launchConfigurationName("lc-" + name).imageId("ami-12345678")
                    .instanceType("t3.micro"));
            asg.createAutoScalingGroup(b -> b.autoScalingGroupName(name).launchConfigurationName("lc-" + name)
                    .minSize(min).desiredCapacity(desired).maxSize(max).availabilityZones(moto.region() + "a")
                    .tags(Tag.builder().resourceId(name).resourceType("auto-scaling-group").key(TAG).value(schedule)
                            .propagateAtLaunch(false).build()));
        }
    }

    /** An owner's resize of an ASG, made with the account's role. */
    static void resizeAsg(MotoServer moto, String account, String name, int min, int desired, int max) {
        try (AutoScalingClient asg = moto.client(AutoScalingClient.builder(), spokeCredentials(moto, account))) {
            asg.updateAutoScalingGroup(b -> b.autoScalingGroupName(name).minSize(min).desiredCapacity(desired)
                    .maxSize(max));
        }
    }

    static void deleteAsg(MotoServer moto, String account, String name) {
        try (AutoScalingClient asg = moto.client(AutoScalingClient.builder(), spokeCredentials(moto, account))) {
            asg.deleteAutoScalingGroup(b -> b.autoScalingGroupName(name).forceDelete(true));
        }
    }

    /** An EKS node group (and its cluster, when missing) in {@code account}, with {@code tags}. */
    static void createNodegroup(MotoServer moto, String account, String cluster, String name, int min, int desired,
                                int max, Map<String, String> tags) {
        try (EksClient eks = moto.client(EksClient.builder(), spokeCredentials(moto, account))) {
            if (!eks.listClusters().clusters().contains(cluster)) {
                eks.createCluster(b -> b.name(cluster).roleArn("arn:aws:iam::" + account + ":role/eks")
                        .resourcesVpcConfig(v -> v.subnetIds("subnet-1", "subnet-2")));
            }
            eks.createNodegroup(b -> b.clusterName(cluster).nodegroupName(name)
                    .nodeRole("arn:aws:iam::" + account + ":role/node").subnets("subnet-1")
                    .scalingConfig(c -> c.minSize(min).desiredSize(desired).maxSize(max)).tags(tags));
        }
    }

    /** Current min/desired/max of a node group, read with the account's role. */
    static List<Integer> nodegroupCapacity(MotoServer moto, String account, String cluster, String name) {
        try (EksClient eks = moto.client(EksClient.builder(), spokeCredentials(moto, account))) {
            var scaling = eks.describeNodegroup(b -> b.clusterName(cluster).nodegroupName(name)).nodegroup()
                    .scalingConfig();
            return List.of(scaling.minSize(), scaling.desiredSize(), scaling.maxSize());
        }
    }

    /** The value of tag {@code key} on an ASG, null when it has none. */
    static String asgTag(MotoServer moto, String account, String name, String key) {
        try (AutoScalingClient asg = moto.client(AutoScalingClient.builder(), spokeCredentials(moto, account))) {
            return asg.describeAutoScalingGroups(b -> b.autoScalingGroupNames(name)).autoScalingGroups().get(0)
                    .tags().stream().filter(t -> t.key().equals(key)).map(t -> t.value()).findFirst().orElse(null);
        }
    }

    /** Current min/desired/max of an ASG, read with the account's role. */
    static List<Integer> capacity(MotoServer moto, String account, String name) {
        try (AutoScalingClient asg = moto.client(AutoScalingClient.builder(), spokeCredentials(moto, account))) {
            var group = asg.describeAutoScalingGroups(b -> b.autoScalingGroupNames(name)).autoScalingGroups().get(0);
            return List.of(group.minSize(), group.desiredCapacity(), group.maxSize());
        }
    }

    private static StaticCredentialsProvider spokeCredentials(MotoServer moto, String account) {
        try (StsClient sts = moto.client(StsClient.builder())) {
            Credentials c = sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + account + ":role/" + ROLE)
                    .roleSessionName("e2e-setup").externalId(EXTERNAL_ID)).credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                    c.sessionToken()));
        }
    }

    /** The service configuration of one replica: its own clone folder, everything else shared. */
    static OffhoursConfiguration config(MotoServer moto, Queues queues, Path repository, Path clone) {
        OffhoursConfiguration config = new OffhoursConfiguration();
        config.git(new GitSourceConfig().url(repository.toString()).localDirectory(clone)
                .pollInterval(Duration.ofSeconds(2)).jitter(0));
        config.store().type(StoreConfig.Type.DYNAMODB)
                .tables(TABLES.operations(), TABLES.inventory(), TABLES.control());
        config.aws().hubRegion(moto.region()).endpointOverride(moto.endpoint()).emulatorCredentials(true)
                .spokeRoleName(ROLE).externalId(EXTERNAL_ID);
        config.dispatch().workQueueUrl(queues.work());
        config.workers().deadLetterQueueUrl(queues.deadLetter()).receiveWait(Duration.ofSeconds(1))
                .confirmDelay(Duration.ofSeconds(2)).retryLaterDelay(Duration.ofSeconds(1))
                .shutdownGrace(Duration.ofSeconds(5)).concurrency(8);
        config.transitions().catchUpInterval(io.dropwizard.util.Duration.seconds(5));
        ApiConfig api = new ApiConfig();
        api.tokenSha256(List.of(API_TOKEN_SHA256));
        config.api(api);
        DefaultServerFactory server = new DefaultServerFactory();
        server.setApplicationConnectors(List.of(localConnector()));
        server.setAdminConnectors(List.of(localConnector()));
        config.setServerFactory(server);
        return config;
    }

    static DropwizardTestSupport<OffhoursConfiguration> start(OffhoursConfiguration config) throws Exception {
        return start(config, java.time.Clock.systemUTC());
    }

    /** The hub on {@code clock} (a {@link dev.offhours.testsupport.ShiftedClock} makes transitions seconds away). */
    static DropwizardTestSupport<OffhoursConfiguration> start(OffhoursConfiguration config, java.time.Clock clock)
            throws Exception {
        DropwizardTestSupport<OffhoursConfiguration> support =
                new DropwizardTestSupport<>(OffhoursApplication.class, config) {
                    @Override
                    public io.dropwizard.core.Application<OffhoursConfiguration> newApplication() {
                        return new OffhoursApplication(clock, System.out, System.err);
                    }
                };
        support.before();
        return support;
    }

    static Hub hub(DropwizardTestSupport<OffhoursConfiguration> support) {
        return support.<OffhoursApplication>getApplication().hub();
    }

    private static HttpConnectorFactory localConnector() {
        HttpConnectorFactory connector = new HttpConnectorFactory();
        connector.setBindHost("127.0.0.1");
        connector.setPort(0);
        return connector;
    }

    /** {@code accounts.yaml} with the given spoke accounts in moto's region, group {@code e2e}. */
    static String accountsYaml(String region, String... accounts) {
        StringBuilder yaml = new StringBuilder("apiVersion: offhours.dev/v1\nkind: AccountRegistry\nspec:\n  accounts:\n");
        for (int i = 0; i < accounts.length; i++) {
            yaml.append("    - id: \"").append(accounts[i]).append("\"\n      alias: spoke-").append(i + 1)
                    .append("\n      regions: [").append(region).append("]\n      groups: [e2e]\n");
        }
        return yaml.toString();
    }

    /** A schedule asleep from {@code sleepAt} to {@code wakeAt} (whole minutes, UTC) every day, awake otherwise. */
    static String scheduleYaml(String name, Instant sleepAt, Instant wakeAt) {
        return """
                apiVersion: offhours.dev/v1
                kind: Schedule
                metadata:
                  name: %s
                  owner: team-e2e
                spec:
                  timeZone: UTC
                  awake:
                    - days: Mon-Sun
                      from: "%s"
                      to: "%s"
                """.formatted(name, hhmm(wakeAt), hhmm(sleepAt));
    }

    /** The first whole minute at least {@code lead} from now. */
    static Instant nextMinute(Instant now, Duration lead) {
        return now.plus(lead).plus(59, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MINUTES);
    }

    private static String hhmm(Instant instant) {
        return LocalTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** Polls {@code probe} every 250 ms until it yields a value; fails naming {@code what} after {@code patience}. */
    static <T> T await(String what, Duration patience, Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what + " after " + patience);
            }
            Thread.sleep(250);
        }
    }
}

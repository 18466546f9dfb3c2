package dev.offhours.reconciler.events;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.reconciler.inventory.SpokeListing;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.worker.aws.AwsSpokeClientFactory;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A hub event bus in moto with one rule per spoke pattern delivering to an events queue (with its dead-letter
 * queue), and the spoke account whose resources the events are about, reached through AssumeRole like the hub does.
 *
 * <p>moto's cross-account forwarding between buses replaces the envelope's account and time with its own, so the
 * spoke's rule and the hub's bus are collapsed into one bus here, owned by the spoke account: PutEvents then yields
 * exactly the envelope AWS delivers (the spoke's account, region and event time), and moto's rule matching decides
 * what reaches the queue.
 */
final class MotoEventHub implements AutoCloseable {

    static final String ACCOUNT = "111111111111";
    static final String REGION = "us-east-1";
    static final String ROLE = "offhours-spoke";
    static final String BUS = HubEventBus.BUS;

    final AtomicInteger describeAsgCalls = new AtomicInteger();
    final SpokeListing listing;
    final SqsClient sqs;
    final String queueUrl;
    final String deadLetterUrl;
    final RoleCredentialsCache.Settings roleSettings = RoleCredentialsCache.Settings.of(ROLE, "ext-42");
    private final EventBridgeClient events;
    private final HubEventBus bus;
    private final AutoScalingClient setupAsg;
    private final AwsSpokeClientFactory factory;
    private final SpokeClients clients;
    private final StsClient sts;

    MotoEventHub(MotoServer moto) {
        sts = moto.client(StsClient.builder());
        AwsCredentialsProvider spoke = StaticCredentialsProvider.create(
                new RoleCredentialsCache(sts, roleSettings, Clock.systemUTC()).credentials(ACCOUNT));
        events = moto.client(EventBridgeClient.builder(), spoke);
        sqs = moto.client(SqsClient.builder(), spoke);
        setupAsg = moto.client(AutoScalingClient.builder(), spoke);
        bus = HubEventBus.create(events, sqs);
        queueUrl = bus.queueUrl();
        deadLetterUrl = bus.deadLetterUrl();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof DescribeAutoScalingGroupsRequest) {
                    describeAsgCalls.incrementAndGet();
                }
            }
        };
        factory = new AwsSpokeClientFactory(moto.endpoint(), List.of(counter), 10);
        Pipelines pipelines = new Pipelines(ResilienceSettings.defaults()
                .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(5)));
        RoleCredentialsCache credentials = new RoleCredentialsCache(factory.sts(moto.credentials(), REGION),
                roleSettings, Clock.systemUTC(), pipelines.stsGuard());
        clients = new SpokeClients(factory, credentials);
        listing = new SpokeListing(clients, pipelines);
    }

    void put(List<PutEventsRequestEntry> entries) {
        bus.put(entries);
    }

    void createAsg(String name, Capacity capacity, Map<String, String> tags) {
        setupAsg.createLaunchConfiguration(b -> b.launchConfigurationName("lc-" + name).imageId("ami-12345678")
                .instanceType("t3.micro"));
        setupAsg.createAutoScalingGroup(b -> b.autoScalingGroupName(name).launchConfigurationName("lc-" + name)
                .minSize(capacity.min()).desiredCapacity(capacity.desired()).maxSize(capacity.max())
                .availabilityZones(REGION + "a").tags(tags.entrySet().stream().map(e -> Tag.builder().resourceId(name)
                        .resourceType("auto-scaling-group").key(e.getKey()).value(e.getValue())
                        .propagateAtLaunch(false).build()).toList()));
    }

    void resizeAsg(String name, Capacity capacity) {
        setupAsg.updateAutoScalingGroup(b -> b.autoScalingGroupName(name).minSize(capacity.min())
                .desiredCapacity(capacity.desired()).maxSize(capacity.max()));
    }

    void tagAsg(String name, String key, String value) {
        setupAsg.createOrUpdateTags(b -> b.tags(Tag.builder().resourceId(name).resourceType("auto-scaling-group")
                .key(key).value(value).propagateAtLaunch(false).build()));
    }

    void removeAsgTag(String name, String key) {
        setupAsg.deleteTags(b -> b.tags(Tag.builder().resourceId(name).resourceType("auto-scaling-group").key(key)
                .build()));
    }

    void deleteAsg(String name) {
        setupAsg.deleteAutoScalingGroup(b -> b.autoScalingGroupName(name).forceDelete(true));
    }

    /** Every message on a queue, received (and deleted) until a receive comes back empty. */
    List<Message> drain(String url) {
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageAttributeNames("All")).messages();
            all.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        } while (!batch.isEmpty());
        return all;
    }

    int queued(String url) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Override
    public void close() {
        clients.close();
        factory.close();
        events.close();
        sqs.close();
        setupAsg.close();
        sts.close();
    }
}

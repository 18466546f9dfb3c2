package dev.offhours.testsupport;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.http.scaladsl.Http;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ (an SQS-protocol server) running inside this JVM on a free loopback port, for tests and benchmarks.
 * Callers need {@code org.elasticmq:elasticmq-server_2.13} on their class path (optional in test-support).
 *
 * <pre>{@code
 * try (EmbeddedElasticMq mq = EmbeddedElasticMq.start(); SqsClient sqs = mq.newClient()) {
 *     EmbeddedElasticMq.QueuePair queues = mq.createQueueWithDeadLetter("work", 5, 30);
 * }
 * }</pre>
 */
public final class EmbeddedElasticMq implements AutoCloseable {

    /** The region the SDK clients claim; ElasticMQ does not check it. */
    public static final Region REGION = Region.US_EAST_1;

    private static final AtomicInteger QUEUE_COUNTER = new AtomicInteger();

    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient adminClient;

    private EmbeddedElasticMq(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.adminClient = newClient();
    }

    /** Starts a server on 127.0.0.1 and a port the operating system chose; fails loudly if it cannot. */
    public static EmbeddedElasticMq start() {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        try {
            Http.ServerBinding binding = server.waitUntilStarted();
            int port = binding.localAddress().getPort();
            return new EmbeddedElasticMq(server, URI.create("http://127.0.0.1:" + port));
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw new IllegalStateException("embedded ElasticMQ did not start on a loopback port", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A new SQS client pointed at this server with dummy credentials; the caller closes it. */
    public SqsClient newClient() {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /** Creates a queue with a unique name starting with {@code prefix} and returns its URL. */
    public String createQueue(String prefix, Map<QueueAttributeName, String> attributes) {
        String name = prefix + "-" + QUEUE_COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return adminClient.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
    }

    /**
     * A work queue whose redrive policy moves a message to its own dead-letter queue after {@code maxReceiveCount}
     * receives, like the production queues.
     */
    public QueuePair createQueueWithDeadLetter(String prefix, int maxReceiveCount, int visibilityTimeoutSeconds) {
        String deadLetterUrl = createQueue(prefix + "-dlq", Map.of());
        String deadLetterArn = adminClient.getQueueAttributes(b -> b.queueUrl(deadLetterUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrivePolicy = "{\"maxReceiveCount\":\"" + maxReceiveCount + "\",\"deadLetterTargetArn\":\""
                + deadLetterArn + "\"}";
        String workUrl = createQueue(prefix, Map.of(
                QueueAttributeName.REDRIVE_POLICY, redrivePolicy,
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds)));
        return new QueuePair(workUrl, deadLetterUrl);
    }

    /** Approximate visible + in-flight count of a queue, as SQS reports it. */
    public int approximateMessages(String queueUrl) {
        Map<QueueAttributeName, String> attributes = adminClient.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Override
    public void close() {
        adminClient.close();
        server.stopAndWait();
    }

    /** A work queue and the dead-letter queue its redrive policy names. */
    public record QueuePair(String workQueueUrl, String deadLetterQueueUrl) {
    }
}

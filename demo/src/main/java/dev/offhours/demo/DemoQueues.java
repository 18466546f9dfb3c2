package dev.offhours.demo;

import java.net.URI;
import java.util.Map;
import org.apache.pekko.http.scaladsl.Http;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The demo's SQS: an ElasticMQ server in this JVM on a free loopback port, with the work queue and its dead-letter
 * queue (redrive after {@link #MAX_RECEIVES} receives), like the hub stack creates them in AWS.
 */
final class DemoQueues implements AutoCloseable {

    static final int MAX_RECEIVES = 5;

    private final SQSRestServer server;
    private final URI endpoint;
    private final String workQueueUrl;
    private final String deadLetterQueueUrl;

    private DemoQueues(SQSRestServer server, URI endpoint, String workQueueUrl, String deadLetterQueueUrl) {
        this.server = server;
        this.endpoint = endpoint;
        this.workQueueUrl = workQueueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    static DemoQueues start() {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        try {
            Http.ServerBinding binding = server.waitUntilStarted();
            URI endpoint = URI.create("http://127.0.0.1:" + binding.localAddress().getPort());
            try (SqsClient sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.EU_CENTRAL_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build()) {
                String dlq = sqs.createQueue(b -> b.queueName("offhours-work-dlq")).queueUrl();
                String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes().get(QueueAttributeName.QUEUE_ARN);
                String work = sqs.createQueue(b -> b.queueName("offhours-work").attributes(Map.of(
                        QueueAttributeName.VISIBILITY_TIMEOUT, "30",
                        QueueAttributeName.REDRIVE_POLICY, "{\"maxReceiveCount\":\"" + MAX_RECEIVES
                                + "\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}"))).queueUrl();
                return new DemoQueues(server, endpoint, work, dlq);
            }
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw new IllegalStateException("the demo's embedded SQS (ElasticMQ) did not start on a loopback port: "
                    + e.getMessage(), e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    String workQueueUrl() {
        return workQueueUrl;
    }

    String deadLetterQueueUrl() {
        return deadLetterQueueUrl;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}

package dev.offhours.reconciler.service;

import dev.offhours.reconciler.config.AwsConfig;
import java.time.Duration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The hub's own SDK clients (its region, its credentials, the configured endpoint override). */
public final class HubClients {

    private HubClients() {
    }

    public static DynamoDbClient dynamoDb(AwsConfig aws) {
        return configure(DynamoDbClient.builder(), aws, 50);
    }

    /** Sized for the worker pool's long polls plus the dispatcher's parallel batches. */
    public static SqsClient sqs(AwsConfig aws, int connections) {
        return configure(SqsClient.builder(), aws, connections);
    }

    /** The alarm metrics: a few small requests a minute. */
    public static CloudWatchClient cloudWatch(AwsConfig aws) {
        return configure(CloudWatchClient.builder(), aws, 4);
    }

    /** The hub bus: an event per finished transition or account health change. */
    public static EventBridgeClient eventBridge(AwsConfig aws) {
        return configure(EventBridgeClient.builder(), aws, 4);
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder,
            AwsConfig aws, int connections) {
        builder.region(Region.of(aws.hubRegion()))
                .credentialsProvider(aws.credentials())
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(connections)
                        .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(30)));
        aws.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}

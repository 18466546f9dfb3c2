package dev.offhours.worker.runtime.lambda;

import dev.offhours.core.port.InMemoryAwakeCapacityStore;
import dev.offhours.worker.SpokeWorker;
import dev.offhours.worker.WorkItemHandler;
import dev.offhours.worker.aws.AwsSpokeClientFactory;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import dev.offhours.worker.store.DynamoDbOperationStore;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the real work-item handler for the Lambda function: the function's own role calls STS and DynamoDB; spoke
 * calls go through the cached assumed roles and the default resilience pipelines. The awake capacity's durable
 * memory is the resource's {@code offhours.dev/awake-capacity} tag; the awake-capacity store port is in memory
 * here (per container) until the hub has a DynamoDB adapter for it.
 */
final class HubWorkerFactory {

    private HubWorkerFactory() {
    }

    static WorkItemHandler build(Region region, String operationsTable, String spokeRoleName, String externalId) {
        AwsSpokeClientFactory factory = AwsSpokeClientFactory.aws();
        RoleCredentialsCache credentials = new RoleCredentialsCache(
                factory.sts(DefaultCredentialsProvider.builder().build(), region.id()),
                RoleCredentialsCache.Settings.of(spokeRoleName, externalId), Clock.systemUTC());
        DynamoDbClient dynamo = DynamoDbClient.builder().region(region).build();
        return new SpokeWorker(new SpokeClients(factory, credentials), new Pipelines(ResilienceSettings.defaults()),
                new DynamoDbOperationStore(dynamo, operationsTable), new InMemoryAwakeCapacityStore(),
                Clock.systemUTC(), SpokeWorker.Settings.defaults());
    }
}

package dev.offhours.worker.runtime.lambda;

import dev.offhours.worker.SpokeWorker;
import dev.offhours.worker.WorkItemHandler;
import dev.offhours.worker.aws.AwsSpokeClientFactory;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import dev.offhours.worker.store.DynamoDbOperationStore;
import dev.offhours.worker.store.hub.DynamoDbInventoryStore;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the real work-item handler for the Lambda function: the function's own role calls STS and DynamoDB; spoke
 * calls go through the cached assumed roles and the default resilience pipelines. Awake capacities and outcomes go
 * to the hub's inventory table, as in the service's worker pool (the resource's {@code offhours.dev/awake-capacity}
 * tag stays the second copy), so the event-driven inventory can skip offhours' own changes.
 */
final class HubWorkerFactory {

    private HubWorkerFactory() {
    }

    static WorkItemHandler build(Region region, String operationsTable, String inventoryTable, String spokeRoleName,
                                 String externalId) {
        AwsSpokeClientFactory factory = AwsSpokeClientFactory.aws();
        RoleCredentialsCache credentials = new RoleCredentialsCache(
                factory.sts(DefaultCredentialsProvider.builder().build(), region.id()),
                RoleCredentialsCache.Settings.of(spokeRoleName, externalId), Clock.systemUTC());
        DynamoDbClient dynamo = DynamoDbClient.builder().region(region).build();
        return new SpokeWorker(new SpokeClients(factory, credentials), new Pipelines(ResilienceSettings.defaults()),
                new DynamoDbOperationStore(dynamo, operationsTable), new DynamoDbInventoryStore(dynamo, inventoryTable),
                Clock.systemUTC(), SpokeWorker.Settings.defaults());
    }
}

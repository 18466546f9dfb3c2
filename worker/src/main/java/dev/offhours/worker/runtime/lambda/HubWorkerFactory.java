package dev.offhours.worker.runtime.lambda;

import dev.offhours.core.notify.HubSignals;
import dev.offhours.core.port.AwakeCapacityStore;
import dev.offhours.core.port.InMemoryAwakeCapacityStore;
import dev.offhours.core.port.IntentLedger;
import dev.offhours.worker.SpokeWorker;
import dev.offhours.worker.WorkItemHandler;
import dev.offhours.worker.aws.AwsSpokeClientFactory;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import dev.offhours.worker.signals.FailedOperationsCounter;
import dev.offhours.worker.store.DynamoDbOperationStore;
import dev.offhours.worker.store.hub.DynamoDbInventoryStore;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the real work-item handler for the Lambda function: the function's own role calls STS and DynamoDB; spoke
 * calls go through the cached assumed roles and the default resilience pipelines. Awake capacities, outcomes and the
 * intent marks that order the work on each target go to the hub's inventory table, as in the service's worker pool
 * (the resource's {@code offhours.dev/awake-capacity} tag stays the second copy), so the event-driven inventory can
 * skip offhours' own changes. Without an inventory table they stay in the function's memory: the tag is then the
 * awake capacity that counts, and only the work one container sees is ordered.
 */
final class HubWorkerFactory {

    private HubWorkerFactory() {
    }

    /** @param inventoryTable the hub's inventory table, or null when the function has none */
    /** @param endpoint one endpoint for every AWS call (an emulator), or null for AWS */
    static WorkItemHandler build(Region region, URI endpoint, AwsCredentialsProvider functionCredentials,
                                 String operationsTable, String inventoryTable, String spokeRoleName,
                                 String externalId) {
        AwsSpokeClientFactory factory = endpoint == null ? AwsSpokeClientFactory.aws()
                : new AwsSpokeClientFactory(endpoint, List.of(), 50);
        RoleCredentialsCache credentials = new RoleCredentialsCache(factory.sts(functionCredentials, region.id()),
                RoleCredentialsCache.Settings.of(spokeRoleName, externalId), Clock.systemUTC());
        DynamoDbClientBuilder dynamoBuilder = DynamoDbClient.builder().region(region)
                .credentialsProvider(functionCredentials);
        if (endpoint != null) {
            dynamoBuilder.endpointOverride(endpoint);
        }
        DynamoDbClient dynamo = dynamoBuilder.build();
        AwakeCapacityStore awake;
        IntentLedger ledger;
        if (inventoryTable == null || inventoryTable.isBlank()) {
            InMemoryAwakeCapacityStore inMemory = new InMemoryAwakeCapacityStore();
            awake = inMemory;
            ledger = inMemory;
        } else {
            DynamoDbInventoryStore inventory = new DynamoDbInventoryStore(dynamo, inventoryTable);
            awake = inventory;
            ledger = inventory;
        }
        return new SpokeWorker(new SpokeClients(factory, credentials), new Pipelines(ResilienceSettings.defaults()),
                new FailedOperationsCounter(new DynamoDbOperationStore(dynamo, operationsTable),
                        failed -> WorkerLambdaHandler.METRICS.count(HubSignals.OPERATIONS_FAILED, 1)), awake, ledger, Clock.systemUTC(),
                SpokeWorker.Settings.defaults());
    }
}

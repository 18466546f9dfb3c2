package dev.offhours.worker.runtime.lambda;

import dev.offhours.core.notify.HubSignals;
import dev.offhours.core.port.OperationStore;
import dev.offhours.worker.SpokeWorker;
import dev.offhours.worker.WorkerAssembly;
import dev.offhours.worker.resilience.ResilienceSettings;
import dev.offhours.worker.aws.AwsSpokeClientFactory;
import dev.offhours.store.dynamodb.DynamoDbOperationStore;
import dev.offhours.store.dynamodb.DynamoDbInventoryStore;
import dev.offhours.worker.signals.FailedOperationsCounter;
import dev.offhours.worker.tracing.Tracing;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The Lambda function's worker, built by {@link WorkerAssembly} as the service's pool builds its own (so both
 * assume spoke roles under the same session name and call spokes through the same pipelines): the function's own
 * role calls STS and DynamoDB, and the worker's settings are the defaults. Awake capacities, outcomes and the
 * intent marks that order the work on each target go to the hub's inventory table, as in the service's worker pool
 * (the resource's {@code offhours.dev/awake-capacity} tag stays the second copy), so the event-driven inventory can
 * skip offhours' own changes. The inventory table is required: kept in one container's memory, the intent marks
 * would order only the work that container sees.
 */
public final class HubWorkerFactory {

    /**
     * The function handles one message at a time: a spoke call and now and then an AssumeRole need a few
     * connections at once; ten leave room without holding idle sockets in every container.
     */
    static final int MAX_CONNECTIONS = 10;

    private HubWorkerFactory() {
    }

    /**
     * @param endpoint       one endpoint for every AWS call (an emulator), or null for AWS
     * @param inventoryTable the hub's inventory table
     */
    public static WorkerAssembly build(Region region, URI endpoint, AwsCredentialsProvider functionCredentials,
                                String operationsTable, String inventoryTable, String spokeRoleName,
                                String externalId) {
        return build(region, endpoint, functionCredentials, operationsTable, inventoryTable, spokeRoleName, externalId,
                Tracing.OFF);
    }

    /** @param tracing the function's tracing (a span per item, its AWS calls inside) */
    public static WorkerAssembly build(Region region, URI endpoint, AwsCredentialsProvider functionCredentials,
                                String operationsTable, String inventoryTable, String spokeRoleName,
                                String externalId, Tracing tracing) {
        return build(region, endpoint, functionCredentials, operationsTable, inventoryTable, spokeRoleName, externalId,
                tracing, 1);
    }

    /**
     * @param environments how many environments of the function work at once at most (the event source mapping's
     *                     maximum concurrency): each takes that share of the hub's STS quota
     */
    public static WorkerAssembly build(Region region, URI endpoint, AwsCredentialsProvider functionCredentials,
                                String operationsTable, String inventoryTable, String spokeRoleName,
                                String externalId, Tracing tracing, int environments) {
        AwsSpokeClientFactory spokes = new AwsSpokeClientFactory(endpoint, List.of(), MAX_CONNECTIONS);
        DynamoDbClientBuilder dynamoBuilder = DynamoDbClient.builder().region(region)
                .credentialsProvider(functionCredentials);
        if (endpoint != null) {
            dynamoBuilder.endpointOverride(endpoint);
        }
        DynamoDbClient dynamo = dynamoBuilder.build();
        // each failed record also counts in the alarm's metric, as an embedded metric format line in the function's log
        OperationStore operations = new FailedOperationsCounter(new DynamoDbOperationStore(dynamo, operationsTable),
                failed -> WorkerLambdaHandler.METRICS.count(HubSignals.OPERATIONS_FAILED, 1));
        WorkerAssembly.Stores stores = WorkerAssembly.Stores.of(operations,
                new DynamoDbInventoryStore(dynamo, Objects.requireNonNull(inventoryTable, "inventoryTable")));
        return WorkerAssembly.assemble(spokes.stsAsync(functionCredentials, region.id()), spokes, spokeRoleName,
                externalId, stores, SpokeWorker.Settings.defaults(), ResilienceSettings.defaults().sharedBy(environments),
                Clock.systemUTC(), tracing);
    }
}

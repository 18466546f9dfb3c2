package dev.offhours.reconciler.service;

import dev.offhours.core.port.CatalogSnapshotStore;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.OperationHistory;
import dev.offhours.core.port.OperationStore;
import dev.offhours.reconciler.config.AwsConfig;
import dev.offhours.reconciler.config.StoreConfig;
import dev.offhours.store.dynamodb.DynamoDbControlStore;
import dev.offhours.store.dynamodb.DynamoDbOperationHistory;
import dev.offhours.store.dynamodb.DynamoDbCatalogSnapshots;
import dev.offhours.reconciler.store.embedded.EmbeddedCatalogSnapshots;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.store.dynamodb.DynamoDbOperationStore;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.store.dynamodb.DynamoDbInventoryStore;
import java.nio.file.Path;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The hub's stores behind their ports, opened from the {@code store:} section. {@code catalogs} keeps the applied
 * revision's catalog snapshot in the control table, for the status API on Lambda.
 *
 * @param description where the data lives, for the start-up log and the demo's printout
 */
public record HubStores(InventoryStore inventory, ControlStore control, OperationStore operations,
                        OperationHistory history, CatalogSnapshotStore catalogs, String description,
                        AutoCloseable close) {

    /** The embedded store's data file inside its data directory. */
    public static final String EMBEDDED_FILE = "hub.mv.db";

    public static HubStores open(StoreConfig store, AwsConfig aws) {
        return store.type() == StoreConfig.Type.EMBEDDED ? embedded(store.dataDirectory()) : dynamoDb(store, aws);
    }

    public static HubStores embedded(Path dataDirectory) {
        Path file = dataDirectory.resolve(EMBEDDED_FILE);
        EmbeddedHubStore hub = EmbeddedHubStore.open(file);
        return new HubStores(hub.inventory(), hub.control(), hub.operations(), hub.operations(),
                EmbeddedCatalogSnapshots.of(hub), "embedded store " + file.toAbsolutePath(), hub::close);
    }

    private static HubStores dynamoDb(StoreConfig store, AwsConfig aws) {
        DynamoDbClient dynamo = HubClients.dynamoDb(aws);
        HubTableDefinitions.TableNames names = new HubTableDefinitions.TableNames(store.operationsTable(),
                store.inventoryTable(), store.controlTable());
        if (store.createTables()) {
            createMissing(dynamo, names);
        }
        return new HubStores(new DynamoDbInventoryStore(dynamo, names.inventory()),
                new DynamoDbControlStore(dynamo, names.control()),
                new DynamoDbOperationStore(dynamo, names.operations()),
                new DynamoDbOperationHistory(dynamo, names.operations()),
                new DynamoDbCatalogSnapshots(dynamo, names.control()),
                "DynamoDB tables " + names.operations() + ", " + names.inventory() + ", " + names.control()
                        + " in " + aws.hubRegion(), dynamo::close);
    }

    private static void createMissing(DynamoDbClient dynamo, HubTableDefinitions.TableNames names) {
        try {
            dynamo.describeTable(b -> b.tableName(names.control()));
        } catch (ResourceNotFoundException missing) {
            try {
                HubTableDefinitions.createAll(dynamo, names);
            } catch (ResourceInUseException exists) {
                // another replica created them at the same time
            }
        }
    }
}

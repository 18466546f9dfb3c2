package dev.offhours.store.dynamodb;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * All three hub tables as code: the Pulumi stack, the tests and the demo create them from here.
 * The operations table is {@link TableDefinitions}'s.
 *
 * <p>inventory: pk {@code <account>#<region>}, sk {@code <kind>#<name>}; GSI {@code bySchedule} (schedule, targetKey),
 * all attributes projected. control: pk/sk only, TTL on {@code ttl} (transition claims expire); items: {@code status}/
 * {@code reconciler}, {@code claim#<schedule>}/{@code <transition>}, {@code dispatch}/{@code <schedule>},
 * {@code health}/{@code <account>#<region>}.
 */
public final class HubTableDefinitions {

    public static final String PK = TableDefinitions.PK;
    public static final String SK = TableDefinitions.SK;
    public static final String TTL = TableDefinitions.TTL;
    public static final String SCHEDULE = "schedule";
    public static final String TARGET_KEY = "targetKey";
    public static final String BY_SCHEDULE = "bySchedule";

    /** Table names; configurable so that several hubs (or tests) can share an account. */
    public record TableNames(String operations, String inventory, String control) {

        public TableNames {
            Objects.requireNonNull(operations, "operations table name");
            Objects.requireNonNull(inventory, "inventory table name");
            Objects.requireNonNull(control, "control table name");
        }

        public static TableNames withPrefix(String prefix) {
            return new TableNames(prefix + "operations", prefix + "inventory", prefix + "control");
        }
    }

    private HubTableDefinitions() {
    }

    public static CreateTableRequest operationsTable(String tableName) {
        return TableDefinitions.operationsTable(tableName);
    }

    public static CreateTableRequest inventoryTable(String tableName) {
        GlobalSecondaryIndex bySchedule = GlobalSecondaryIndex.builder().indexName(BY_SCHEDULE)
                .keySchema(key(SCHEDULE, KeyType.HASH), key(TARGET_KEY, KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
        return CreateTableRequest.builder().tableName(tableName).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(PK), string(SK), string(SCHEDULE), string(TARGET_KEY))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(bySchedule)
                .build();
    }

    public static CreateTableRequest controlTable(String tableName) {
        return CreateTableRequest.builder().tableName(tableName).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(PK), string(SK))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .build();
    }

    /** The three tables' definitions, in the order operations, inventory, control. */
    public static List<CreateTableRequest> all(TableNames names) {
        return List.of(operationsTable(names.operations()), inventoryTable(names.inventory()), controlTable(names.control()));
    }

    /** Creates the three tables, waits until they exist and switches TTL on where records expire. */
    public static void createAll(DynamoDbClient dynamo, TableNames names) {
        TableDefinitions.createOperationsTable(dynamo, names.operations());
        dynamo.createTable(inventoryTable(names.inventory()));
        dynamo.createTable(controlTable(names.control()));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(names.inventory()));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(names.control()));
        dynamo.updateTimeToLive(b -> b.tableName(names.control())
                .timeToLiveSpecification(t -> t.attributeName(TTL).enabled(true)));
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}

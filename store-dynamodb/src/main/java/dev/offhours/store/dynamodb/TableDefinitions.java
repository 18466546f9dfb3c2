package dev.offhours.store.dynamodb;

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
 * The hub tables as code. Tests and the demo create them from here; the Pulumi stack must
 * declare the same names, keys, indexes and TTL attribute.
 *
 * <p>operations: pk {@code <schedule>#<transition>}, sk {@code <target key>}; GSI {@code byTarget} (targetKey,
 * createdAt); GSI {@code recent} (recentPk = {@code <day>#<shard 0..9>}, createdAt) spreads a storm's writes over
 * ten partitions; GSI {@code failures} (failedPk, createdAt) is sparse: only FAILED records carry failedPk; TTL on
 * {@code ttl} (epoch seconds).
 */
public final class TableDefinitions {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String TARGET_KEY = "targetKey";
    public static final String CREATED_AT = "createdAt";
    public static final String RECENT_PK = "recentPk";
    public static final String FAILED_PK = "failedPk";
    public static final String TTL = "ttl";
    public static final String BY_TARGET = "byTarget";
    public static final String RECENT = "recent";
    public static final String FAILURES = "failures";
    public static final int RECENT_SHARDS = 10;

    private TableDefinitions() {
    }

    public static CreateTableRequest operationsTable(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(PK), string(SK), string(TARGET_KEY), string(CREATED_AT), string(RECENT_PK),
                        string(FAILED_PK))
                .keySchema(hash(PK), range(SK))
                .globalSecondaryIndexes(index(BY_TARGET, TARGET_KEY), index(RECENT, RECENT_PK), index(FAILURES, FAILED_PK))
                .build();
    }

    /** Creates the operations table, waits until it exists and switches TTL on. */
    public static void createOperationsTable(DynamoDbClient dynamo, String tableName) {
        dynamo.createTable(operationsTable(tableName));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        dynamo.updateTimeToLive(b -> b.tableName(tableName).timeToLiveSpecification(t -> t.attributeName(TTL).enabled(true)));
    }

    private static GlobalSecondaryIndex index(String name, String hashKey) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(hash(hashKey), range(CREATED_AT))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}

package dev.offhours.store.dynamodb;

import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.OperationStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The operations table (see {@link TableDefinitions}). A write is a PutItem whose condition accepts only a new key or
 * an existing record whose status may become the new one ({@link OperationStatus#mayBecome}); every attribute name
 * goes through an expression name because {@code status} and {@code ttl} are reserved words.
 */
public final class DynamoDbOperationStore implements OperationStore {

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoDbOperationStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public Optional<OperationRecord> find(OperationRecord.Key key) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tableName).key(OperationItems.key(key))
                    .consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OperationItems.fromItem(item));
        } catch (SdkException e) {
            throw DynamoDbCalls.failure(tableName, "cannot read operation record " + key + " from " + tableName, e);
        }
    }

    @Override
    public boolean save(OperationRecord record) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", TableDefinitions.PK, "#status", "status"));
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> allowed = new ArrayList<>();
        for (OperationStatus prior : OperationStatus.values()) {
            if (prior.mayBecome(record.status())) {
                String placeholder = ":prior" + prior.ordinal();
                allowed.add(placeholder);
                values.put(placeholder, AttributeValue.fromS(prior.name()));
            }
        }
        String condition = "attribute_not_exists(#pk)"
                + (allowed.isEmpty() ? "" : " OR #status IN (" + String.join(", ", allowed) + ")");
        try {
            dynamo.putItem(b -> b.tableName(tableName).item(OperationItems.toItem(record)).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values.isEmpty() ? null : values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbCalls.failure(tableName, "cannot write operation record " + record.key() + " to "
                    + tableName, e);
        }
    }

    @Override
    public List<OperationRecord> byTarget(String targetKey, int limit) {
        try {
            return dynamo.query(b -> b.tableName(tableName).indexName(TableDefinitions.BY_TARGET)
                            .keyConditionExpression("#t = :t")
                            .expressionAttributeNames(Map.of("#t", TableDefinitions.TARGET_KEY))
                            .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(targetKey)))
                            .scanIndexForward(false).limit(limit))
                    .items().stream().map(OperationItems::fromItem).toList();
        } catch (SdkException e) {
            throw DynamoDbCalls.failure(tableName, "cannot query " + tableName + " by target " + targetKey, e);
        }
    }
}

package dev.offhours.store.dynamodb;

import dev.offhours.core.port.OperationHistory;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.Page;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads the operations table for the API: {@code byTarget} and one transition's partition are single Queries;
 * {@code latest} and {@code failures} merge the day shards of the {@code recent} and {@code failures} indexes
 * ({@link DayShardMerge}). No Scan, no filter expression: every item a Query reads is a candidate of the page.
 */
public final class DynamoDbOperationHistory implements OperationHistory {

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final DynamoDbCalls calls;

    public DynamoDbOperationHistory(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.calls = new DynamoDbCalls(tableName);
    }

    @Override
    public Page<OperationRecord> latest(Instant from, Instant to, String cursor, int limit) {
        return merge(TableDefinitions.RECENT, TableDefinitions.RECENT_PK, from, to, cursor, limit);
    }

    @Override
    public Page<OperationRecord> failures(Instant from, Instant to, String cursor, int limit) {
        return merge(TableDefinitions.FAILURES, TableDefinitions.FAILED_PK, from, to, cursor, limit);
    }

    @Override
    public Page<OperationRecord> byTarget(String targetKey, String cursor, int limit) {
        OperationHistory.checkLimit(limit);
        Map<String, AttributeValue> start = KeyCursor.toStartKey(cursor, TableDefinitions.TARGET_KEY, targetKey,
                Set.of(TableDefinitions.TARGET_KEY, TableDefinitions.CREATED_AT, TableDefinitions.PK,
                        TableDefinitions.SK));
        return page(query("list operations of " + targetKey, QueryRequest.builder().tableName(tableName)
                .indexName(TableDefinitions.BY_TARGET).keyConditionExpression("#t = :t")
                .expressionAttributeNames(Map.of("#t", TableDefinitions.TARGET_KEY))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(targetKey)))
                .scanIndexForward(false).exclusiveStartKey(start).limit(limit).build()));
    }

    @Override
    public Page<OperationRecord> byTransition(String schedule, Instant transition, String cursor, int limit) {
        OperationHistory.checkLimit(limit);
        String partition = OperationItemCodec.partition(schedule, transition);
        Map<String, AttributeValue> start = KeyCursor.toStartKey(cursor, TableDefinitions.PK, partition,
                Set.of(TableDefinitions.PK, TableDefinitions.SK));
        return page(query("list operations of " + partition, QueryRequest.builder().tableName(tableName)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", TableDefinitions.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
                .exclusiveStartKey(start).limit(limit).build()));
    }

    private Page<OperationRecord> merge(String index, String shardAttribute, Instant from, Instant to, String cursor,
                                        int limit) {
        OperationHistory.checkLimit(limit);
        OperationHistory.checkWindow(from, to);
        return new DayShardMerge(index, shardAttribute, from, to,
                request -> query("list operations of index " + index, request), tableName).page(cursor, limit);
    }

    private static Page<OperationRecord> page(QueryResponse response) {
        return new Page<>(response.items().stream().map(OperationItemCodec::fromItem).toList(),
                KeyCursor.fromLastKey(response.lastEvaluatedKey()));
    }

    private QueryResponse query(String what, QueryRequest request) {
        return calls.call(what, () -> dynamo.query(request));
    }
}

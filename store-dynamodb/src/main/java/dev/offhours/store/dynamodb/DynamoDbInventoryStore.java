package dev.offhours.store.dynamodb;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.AppliedIntent;
import dev.offhours.core.port.LedgerRules;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryKey;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.Page;
import dev.offhours.core.port.StoreUnavailableException;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The inventory table (see {@link HubTableDefinitions}). Upserts are UpdateItems conditional on a lower stored
 * version (so a saved awake capacity survives an upsert that does not carry one); listings are Queries on the table's
 * partition or on the {@code bySchedule} index.
 *
 * <p>The intent mark is the item's map attribute {@code intent}, beside a counter {@code intentSeq} of its writes.
 * Upserts, saves and outcomes name their attributes one by one and never these two, so they keep the mark.
 * {@link #begin} reads the item consistently, decides with {@link LedgerRules}, and writes the new mark with an
 * UpdateItem conditional on the counter it read (a compare-and-set: of two racing begins one write fails, and that
 * caller reads again and finds the other's mark).
 */
public final class DynamoDbInventoryStore implements InventoryStore {

    /** Each lost compare-and-set means another worker changed the mark; this many in a row is contention, not luck. */
    private static final int MAX_BEGIN_ROUNDS = 8;

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final DynamoDbCalls calls;

    public DynamoDbInventoryStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.calls = new DynamoDbCalls(tableName);
    }

    @Override
    public boolean upsert(InventoryItem item) {
        UpdateExpression update = new UpdateExpression().setAll(InventoryItems.attributes(item));
        String condition = "attribute_not_exists(" + update.name(HubTableDefinitions.PK) + ") OR "
                + update.name(InventoryItems.VERSION) + " < " + update.value(AttributeValue.fromN(Long.toString(item.version())));
        return calls.conditionally("upsert inventory item " + item.targetKey(), () -> dynamo.updateItem(b -> b
                .tableName(tableName).key(InventoryItems.key(item.key())).updateExpression(update.expression())
                .conditionExpression(condition).expressionAttributeNames(update.names())
                .expressionAttributeValues(update.values())));
    }

    @Override
    public Optional<InventoryItem> get(Target target) {
        Map<String, AttributeValue> item = calls.call("read inventory item " + target.key(), () -> dynamo.getItem(b -> b
                .tableName(tableName).key(InventoryItems.key(InventoryKey.of(target))).consistentRead(true)).item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(InventoryItems.fromItem(item));
    }

    @Override
    public boolean delete(Target target, long version) {
        UpdateExpression names = new UpdateExpression();
        String condition = names.name(InventoryItems.VERSION) + " <= " + names.value(AttributeValue.fromN(Long.toString(version)));
        return calls.conditionally("delete inventory item " + target.key(), () -> dynamo.deleteItem(b -> b.tableName(tableName)
                .key(InventoryItems.key(InventoryKey.of(target))).conditionExpression(condition)
                .expressionAttributeNames(names.names()).expressionAttributeValues(names.values())));
    }

    @Override
    public Page<InventoryItem> bySchedule(String schedule, String cursor, int limit) {
        InventoryStore.checkLimit(limit);
        Map<String, AttributeValue> start = KeyCursor.toStartKey(cursor, HubTableDefinitions.SCHEDULE, schedule);
        QueryResponse response = calls.call("query inventory of schedule " + schedule, () -> dynamo.query(b -> b
                .tableName(tableName).indexName(HubTableDefinitions.BY_SCHEDULE).keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", HubTableDefinitions.SCHEDULE))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(schedule)))
                .exclusiveStartKey(start).limit(limit)));
        return page(response);
    }

    @Override
    public Page<InventoryItem> byAccountRegion(String account, String region, String cursor, int limit) {
        InventoryStore.checkLimit(limit);
        String partition = InventoryKey.partition(account, region);
        Map<String, AttributeValue> start = KeyCursor.toStartKey(cursor, HubTableDefinitions.PK, partition);
        QueryResponse response = calls.call("query inventory of " + partition, () -> dynamo.query(b -> b
                .tableName(tableName).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", HubTableDefinitions.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
                .exclusiveStartKey(start).limit(limit).consistentRead(true)));
        return page(response);
    }

    @Override
    public Optional<Capacity> find(String targetKey) {
        InventoryKey key = InventoryKey.ofTargetKey(targetKey);
        Map<String, AttributeValue> item = calls.call("read saved awake capacity of " + targetKey, () -> dynamo.getItem(b -> b
                .tableName(tableName).key(InventoryItems.key(key)).consistentRead(true)
                .projectionExpression("#c").expressionAttributeNames(Map.of("#c", InventoryItems.SAVED_AWAKE))).item());
        return Optional.ofNullable(item == null ? null : InventoryItems.capacity(item.get(InventoryItems.SAVED_AWAKE)));
    }

    @Override
    public void save(String targetKey, Capacity awake) {
        if (awake.isZero()) {
            throw new IllegalArgumentException("0/0/0 is never an awake capacity (target " + targetKey + ")");
        }
        UpdateExpression update = new UpdateExpression().setOrRemove(InventoryItems.SAVED_AWAKE, InventoryItems.capacity(awake));
        String condition = "attribute_exists(" + update.name(HubTableDefinitions.PK) + ")";
        calls.conditionally("save awake capacity of " + targetKey, () -> dynamo.updateItem(b -> b.tableName(tableName)
                .key(InventoryItems.key(InventoryKey.ofTargetKey(targetKey))).updateExpression(update.expression())
                .conditionExpression(condition).expressionAttributeNames(update.names())
                .expressionAttributeValues(update.values())));
    }

    @Override
    public boolean recordOutcome(String targetKey, TargetState state, Capacity current, Instant at) {
        Map<String, AttributeValue> outcome = new LinkedHashMap<>();
        outcome.put("state", AttributeValue.fromS(state.name()));
        outcome.put("current", InventoryItems.capacity(current));
        outcome.put("source", AttributeValue.fromS(InventoryItem.WORKER));
        outcome.put(InventoryItems.VERSION, AttributeValue.fromN(Long.toString(at.toEpochMilli())));
        outcome.put("updatedAt", AttributeValue.fromS(at.toString()));
        UpdateExpression update = new UpdateExpression().setAll(outcome);
        // only an existing item, and only over a lower version (see InventoryStore#recordOutcome)
        String condition = "attribute_exists(" + update.name(HubTableDefinitions.PK) + ") AND "
                + update.name(InventoryItems.VERSION) + " < " + update.value(AttributeValue.fromN(Long.toString(at.toEpochMilli())));
        return calls.conditionally("record the worker's outcome on " + targetKey, () -> dynamo.updateItem(b -> b
                .tableName(tableName).key(InventoryItems.key(InventoryKey.ofTargetKey(targetKey)))
                .updateExpression(update.expression()).conditionExpression(condition)
                .expressionAttributeNames(update.names()).expressionAttributeValues(update.values())));
    }

    @Override
    public Begin begin(Target target, String schedule, Instant transition, Action action, Instant now,
                       Duration lease) {
        Map<String, AttributeValue> key = InventoryItems.key(InventoryKey.of(target));
        for (int round = 1; round <= MAX_BEGIN_ROUNDS; round++) {
            Map<String, AttributeValue> item = calls.call("read the intent mark of " + target.key(), () -> dynamo
                    .getItem(b -> b.tableName(tableName).key(key).consistentRead(true)
                            .projectionExpression("#pk, #i, #q")
                            .expressionAttributeNames(Map.of("#pk", HubTableDefinitions.PK, "#i", InventoryItems.INTENT,
                                    "#q", InventoryItems.INTENT_SEQ))).item());
            if (item == null || item.isEmpty()) {
                return new Begin(Start.UNTRACKED, null, null);
            }
            Begin answer = LedgerRules.begin(InventoryItems.intent(item.get(InventoryItems.INTENT)), schedule,
                    transition, action, now, lease);
            if (answer.start() != Start.STARTED) {
                return answer;
            }
            if (writeMark(target, key, answer.current(), item.get(InventoryItems.INTENT_SEQ))) {
                return answer;
            }
        }
        throw new StoreUnavailableException("cannot begin " + schedule + "@" + transition + " on " + target.key()
                + " in " + tableName + ": the intent mark changed under " + MAX_BEGIN_ROUNDS + " attempts in a row");
    }

    /** Sets the mark if its write counter is still {@code seen} (absent: never written) and the item exists. */
    private boolean writeMark(Target target, Map<String, AttributeValue> key, AppliedIntent mark, AttributeValue seen) {
        long next = seen == null ? 1 : Long.parseLong(seen.n()) + 1;
        UpdateExpression update = new UpdateExpression()
                .setOrRemove(InventoryItems.INTENT, InventoryItems.intent(mark))
                .setOrRemove(InventoryItems.INTENT_SEQ, AttributeValue.fromN(Long.toString(next)));
        String seq = update.name(InventoryItems.INTENT_SEQ);
        String condition = "attribute_exists(" + update.name(HubTableDefinitions.PK) + ") AND "
                + (seen == null ? "attribute_not_exists(" + seq + ")" : seq + " = " + update.value(seen));
        return calls.conditionally("begin an intent on " + target.key(), () -> dynamo.updateItem(b -> b
                .tableName(tableName).key(key).updateExpression(update.expression()).conditionExpression(condition)
                .expressionAttributeNames(update.names()).expressionAttributeValues(update.values())));
    }

    @Override
    public boolean finish(Target target, String schedule, Instant transition, OperationStatus outcome, Instant now) {
        LedgerRules.requireFinal(outcome);
        UpdateExpression names = new UpdateExpression();
        String intent = names.name(InventoryItems.INTENT);
        String seq = names.name(InventoryItems.INTENT_SEQ);
        String expression = "SET " + intent + "." + names.name(InventoryItems.I_OUTCOME) + " = "
                + names.value(AttributeValue.fromS(outcome.name())) + ", "
                + intent + "." + names.name(InventoryItems.I_UPDATED_AT) + " = "
                + names.value(AttributeValue.fromS(now.toString())) + ", "
                + seq + " = if_not_exists(" + seq + ", " + names.value(AttributeValue.fromN("0")) + ") + "
                + names.value(AttributeValue.fromN("1"));
        // Instant.toString is canonical, so the stored text of the same instant compares equal
        String condition = intent + "." + names.name(InventoryItems.I_SCHEDULE) + " = "
                + names.value(AttributeValue.fromS(schedule)) + " AND "
                + intent + "." + names.name(InventoryItems.I_TRANSITION) + " = "
                + names.value(AttributeValue.fromS(transition.toString()));
        return calls.conditionally("finish " + schedule + "@" + transition + " on " + target.key(), () -> dynamo
                .updateItem(b -> b.tableName(tableName).key(InventoryItems.key(InventoryKey.of(target)))
                        .updateExpression(expression).conditionExpression(condition)
                        .expressionAttributeNames(names.names()).expressionAttributeValues(names.values())));
    }

    private static Page<InventoryItem> page(QueryResponse response) {
        return new Page<>(response.items().stream().map(InventoryItems::fromItem).toList(),
                KeyCursor.fromLastKey(response.lastEvaluatedKey()));
    }
}

package dev.offhours.store.dynamodb;

import static dev.offhours.store.dynamodb.ControlItems.s;

import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.HealthStatus;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.port.ReconcilerStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.work.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The control table (see {@link HubTableDefinitions}): status and intents are conditional writes, reads are GetItems
 * or Queries on one fixed partition ({@code intent}, {@code health}, {@code orphan}). Orphan reports carry a TTL; since
 * DynamoDB deletes expired items lazily (up to days late), their read drops the expired ones by the store's clock.
 */
public final class DynamoDbControlStore implements ControlStore {

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final DynamoDbCalls calls;
    private final Clock clock;

    public DynamoDbControlStore(DynamoDbClient dynamo, String tableName) {
        this(dynamo, tableName, Clock.systemUTC());
    }

    /** @param clock tells which orphan reports have expired */
    public DynamoDbControlStore(DynamoDbClient dynamo, String tableName, Clock clock) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.calls = new DynamoDbCalls(tableName);
        this.clock = clock;
    }

    @Override
    public Optional<ReconcilerStatus> status() {
        return getItem(ControlItems.STATUS_PK, ControlItems.STATUS_SK, "read the reconciler status").map(ControlItems::status);
    }

    @Override
    public boolean saveStatus(ReconcilerStatus status) {
        return calls.conditionally("write the reconciler status", () -> dynamo.putItem(b -> b.tableName(tableName)
                .item(ControlItems.status(status))
                .conditionExpression("attribute_not_exists(#pk) OR #u <= :u")
                .expressionAttributeNames(Map.of("#pk", HubTableDefinitions.PK, "#u", ControlItems.UPDATED_AT))
                .expressionAttributeValues(Map.of(":u", s(SortableInstant.format(status.updatedAt()))))));
    }

    @Override
    public Optional<ScheduleIntent> intent(String schedule) {
        return getItem(ControlItems.INTENT_PK, schedule, "read the intent of " + schedule).map(ControlItems::intent);
    }

    @Override
    public List<ScheduleIntent> intents() {
        return queryPartition(ControlItems.INTENT_PK).stream().map(ControlItems::intent).toList();
    }

    @Override
    public boolean saveIntent(ScheduleIntent intent) {
        return calls.conditionally("write the intent of " + intent.schedule(), () -> dynamo.putItem(b -> b
                .tableName(tableName)
                .item(ControlItems.intent(intent))
                .conditionExpression(intent.version() == 1 ? "attribute_not_exists(#pk)" : "#v = :previous")
                .expressionAttributeNames(intent.version() == 1 ? Map.of("#pk", HubTableDefinitions.PK)
                        : Map.of("#v", ControlItems.VERSION))
                .expressionAttributeValues(intent.version() == 1 ? null
                        : Map.of(":previous", AttributeValue.fromN(Long.toString(intent.version() - 1))))));
    }

    @Override
    public void saveAccountHealth(AccountHealth health) {
        calls.call("write the health of " + health.account() + "/" + health.region(),
                () -> dynamo.putItem(b -> b.tableName(tableName).item(ControlItems.health(health))));
    }

    @Override
    public void recordDiscovery(AccountHealth health) {
        Map<String, AttributeValue> item = ControlItems.health(health);
        Map<String, String> names = new HashMap<>(Map.of("#account", "account", "#region", "region",
                "#status", "status", "#corrected", "correctedItems", "#error", "lastError"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":account", item.get("account"),
                ":region", item.get("region"), ":status", item.get("status"), ":corrected", item.get("correctedItems")));
        StringBuilder set = new StringBuilder("SET #account = :account, #region = :region, #status = :status,"
                + " #corrected = :corrected");
        if (item.containsKey("lastDiscoveryAt")) {
            names.put("#discovered", "lastDiscoveryAt");
            values.put(":discovered", item.get("lastDiscoveryAt"));
            set.append(", #discovered = :discovered");
        }
        String update;
        if (item.containsKey("lastError")) {
            values.put(":error", item.get("lastError"));
            update = set + ", #error = :error";
        } else {
            update = set + " REMOVE #error";
        }
        calls.call("write the discovered health of " + health.account() + "/" + health.region(),
                () -> dynamo.updateItem(b -> b.tableName(tableName).key(ControlItems.key(ControlItems.HEALTH_PK,
                        health.account() + "#" + health.region())).updateExpression(update)
                        .expressionAttributeNames(names).expressionAttributeValues(values)));
    }

    @Override
    public void recordEventSeen(String account, String region, Instant eventTime) {
        // only forward, and a first event creates an OK record the next discovery completes
        calls.conditionally("record the last event of " + account + "/" + region, () -> dynamo.updateItem(b -> b
                .tableName(tableName).key(ControlItems.key(ControlItems.HEALTH_PK, account + "#" + region))
                .updateExpression("SET #event = :event, #account = :account, #region = :region,"
                        + " #status = if_not_exists(#status, :ok), #corrected = if_not_exists(#corrected, :zero)")
                .conditionExpression("attribute_not_exists(#event) OR #event < :event")
                .expressionAttributeNames(Map.of("#event", "lastEventAt", "#account", "account", "#region", "region",
                        "#status", "status", "#corrected", "correctedItems"))
                .expressionAttributeValues(Map.of(":event", s(SortableInstant.format(eventTime)), ":account",
                        s(account), ":region", s(region), ":ok", s(HealthStatus.OK.name()),
                        ":zero", AttributeValue.fromN("0")))));
    }

    @Override
    public Optional<AccountHealth> accountHealth(String account, String region) {
        return getItem(ControlItems.HEALTH_PK, account + "#" + region, "read the health of " + account + "/" + region)
                .map(ControlItems::health);
    }

    @Override
    public List<AccountHealth> accountHealth() {
        return queryPartition(ControlItems.HEALTH_PK).stream().map(ControlItems::health).toList();
    }

    @Override
    public void reportOrphan(OrphanReport report) {
        calls.call("report " + report.target().key() + " left asleep",
                () -> dynamo.putItem(b -> b.tableName(tableName).item(ControlItems.orphan(report))));
    }

    @Override
    public List<OrphanReport> orphans() {
        Instant now = clock.instant();
        return queryPartition(ControlItems.ORPHAN_PK).stream().map(ControlItems::orphan)
                .filter(report -> !report.isExpiredAt(now)).toList();
    }

    @Override
    public void clearOrphan(Target target) {
        calls.call("clear the orphan report of " + target.key(), () -> dynamo.deleteItem(b -> b.tableName(tableName)
                .key(ControlItems.key(ControlItems.ORPHAN_PK, target.key()))));
    }

    private Optional<Map<String, AttributeValue>> getItem(String pk, String sk, String what) {
        Map<String, AttributeValue> item = calls.call(what, () -> dynamo.getItem(b -> b.tableName(tableName)
                .key(ControlItems.key(pk, sk)).consistentRead(true)).item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Every item of one fixed partition, page by page (hundreds of items: a few pages at most). */
    private List<Map<String, AttributeValue>> queryPartition(String pk) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = calls.call("query the " + pk + " items", () -> dynamo.query(b -> b.tableName(tableName)
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", HubTableDefinitions.PK))
                    .expressionAttributeValues(Map.of(":pk", s(pk))).exclusiveStartKey(from).consistentRead(true)));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }
}

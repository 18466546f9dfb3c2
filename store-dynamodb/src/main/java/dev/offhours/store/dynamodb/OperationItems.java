package dev.offhours.store.dynamodb;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.work.Action;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps operation records to DynamoDB items of the operations table and back. */
final class OperationItems {

    /** Fixed width, so that createdAt sorts as text in the index range keys. */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private OperationItems() {
    }

    static Map<String, AttributeValue> key(OperationRecord.Key key) {
        return Map.of(TableDefinitions.PK, s(pk(key.schedule(), key.transition())), TableDefinitions.SK, s(key.targetKey()));
    }

    static String pk(String schedule, Instant transition) {
        return schedule + "#" + transition;
    }

    static Map<String, AttributeValue> toItem(OperationRecord r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r.key()));
        item.put("schedule", s(r.schedule()));
        item.put("transition", s(r.transition().toString()));
        item.put(TableDefinitions.TARGET_KEY, s(r.targetKey()));
        item.put("action", s(r.action().name()));
        item.put("status", s(r.status().name()));
        item.put("attempts", n(r.attempts()));
        item.put("message", s(r.message()));
        item.put("durationMs", n(r.duration().toMillis()));
        item.put(TableDefinitions.CREATED_AT, s(SORTABLE.format(r.createdAt())));
        item.put("updatedAt", s(SORTABLE.format(r.updatedAt())));
        item.put(TableDefinitions.TTL, n(r.expiresAt().getEpochSecond()));
        String shard = SORTABLE.format(r.createdAt()).substring(0, 10) + "#" + Math.floorMod(r.targetKey().hashCode(),
                TableDefinitions.RECENT_SHARDS);
        item.put(TableDefinitions.RECENT_PK, s(shard));
        if (r.status() == OperationStatus.FAILED) {
            item.put(TableDefinitions.FAILED_PK, s(shard));
        }
        putIfPresent(item, "before", r.before() == null ? null : OffhoursTags.formatCapacity(r.before()));
        putIfPresent(item, "after", r.after() == null ? null : OffhoursTags.formatCapacity(r.after()));
        putIfPresent(item, "errorCode", r.errorCode());
        putIfPresent(item, "traceId", r.traceId());
        putIfPresent(item, "updateId", r.updateId());
        return item;
    }

    static OperationRecord fromItem(Map<String, AttributeValue> item) {
        return new OperationRecord(
                item.get("schedule").s(),
                Instant.parse(item.get("transition").s()),
                item.get(TableDefinitions.TARGET_KEY).s(),
                Action.valueOf(item.get("action").s()),
                capacity(item.get("before")),
                capacity(item.get("after")),
                OperationStatus.valueOf(item.get("status").s()),
                Integer.parseInt(item.get("attempts").n()),
                text(item.get("errorCode")),
                text(item.get("message")),
                Duration.ofMillis(Long.parseLong(item.get("durationMs").n())),
                text(item.get("traceId")),
                text(item.get("updateId")),
                Instant.parse(item.get(TableDefinitions.CREATED_AT).s()),
                Instant.parse(item.get("updatedAt").s()),
                Instant.ofEpochSecond(Long.parseLong(item.get(TableDefinitions.TTL).n())));
    }

    private static Capacity capacity(AttributeValue value) {
        return value == null ? null : OffhoursTags.parseCapacity(value.s());
    }

    private static String text(AttributeValue value) {
        return value == null ? null : value.s();
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

package dev.offhours.store.dynamodb;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.AppliedIntent;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryKey;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.TargetKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps inventory items to DynamoDB items of the inventory table and back. */
final class InventoryItems {

    static final String SAVED_AWAKE = "savedAwake";
    static final String VERSION = "version";
    /** The intent mark (a map), written only by the ledger's begin and finish. */
    static final String INTENT = "intent";
    /** Counts the ledger's writes of the mark: begin's compare-and-set compares it with what it read. */
    static final String INTENT_SEQ = "intentSeq";
    static final String I_SCHEDULE = "schedule";
    static final String I_TRANSITION = "transition";
    static final String I_ACTION = "action";
    static final String I_OUTCOME = "outcome";
    static final String I_LEASE_UNTIL = "leaseUntil";
    static final String I_UPDATED_AT = "updatedAt";

    private InventoryItems() {
    }

    static Map<String, AttributeValue> key(InventoryKey key) {
        return Map.of(HubTableDefinitions.PK, s(key.partition()), HubTableDefinitions.SK, s(key.sort()));
    }

    /**
     * Every attribute an upsert sets, except the key; a null value means "remove the attribute". The saved awake
     * capacity is absent when the item has none, so the stored one stays.
     */
    static Map<String, AttributeValue> attributes(InventoryItem item) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        Target t = item.target();
        values.put("account", s(t.account()));
        values.put("region", s(t.region()));
        values.put("kind", s(t.kind().wireName()));
        values.put("cluster", t.cluster() == null ? null : s(t.cluster()));
        values.put("name", s(t.name()));
        values.put(HubTableDefinitions.TARGET_KEY, s(t.key()));
        values.put(HubTableDefinitions.SCHEDULE, s(item.schedule()));
        values.put("tags", item.tags().isEmpty() ? null : AttributeValue.fromM(item.tags().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())))));
        values.put("current", capacity(item.current()));
        if (item.savedAwake() != null) {
            values.put(SAVED_AWAKE, capacity(item.savedAwake()));
        }
        values.put("state", s(item.state().name()));
        values.put("lastEventAt", item.lastEventAt() == null ? null : s(item.lastEventAt().toString()));
        values.put("source", s(item.source()));
        values.put(VERSION, AttributeValue.fromN(Long.toString(item.version())));
        values.put("updatedAt", s(item.updatedAt().toString()));
        return values;
    }

    static InventoryItem fromItem(Map<String, AttributeValue> item) {
        TargetKind kind = TargetKind.fromWireName(item.get("kind").s());
        Target target = new Target(item.get("account").s(), item.get("region").s(), kind, text(item.get("cluster")),
                item.get("name").s());
        Map<String, String> tags = item.containsKey("tags") ? item.get("tags").m().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s())) : Map.of();
        return new InventoryItem(target, item.get(HubTableDefinitions.SCHEDULE).s(), tags,
                capacity(item.get("current")), capacity(item.get(SAVED_AWAKE)),
                TargetState.valueOf(item.get("state").s()), instant(item.get("lastEventAt")), item.get("source").s(),
                Long.parseLong(item.get(VERSION).n()), Instant.parse(item.get("updatedAt").s()),
                intent(item.get(INTENT)));
    }

    static AttributeValue intent(AppliedIntent intent) {
        Map<String, AttributeValue> mark = new LinkedHashMap<>();
        mark.put(I_SCHEDULE, s(intent.schedule()));
        mark.put(I_TRANSITION, s(intent.transition().toString()));
        mark.put(I_ACTION, s(intent.action().name()));
        if (intent.outcome() != null) {
            mark.put(I_OUTCOME, s(intent.outcome().name()));
        }
        if (intent.leaseUntil() != null) {
            mark.put(I_LEASE_UNTIL, s(intent.leaseUntil().toString()));
        }
        mark.put(I_UPDATED_AT, s(intent.updatedAt().toString()));
        return AttributeValue.fromM(mark);
    }

    static AppliedIntent intent(AttributeValue value) {
        if (value == null || !value.hasM()) {
            return null;
        }
        Map<String, AttributeValue> mark = value.m();
        return new AppliedIntent(mark.get(I_SCHEDULE).s(), Instant.parse(mark.get(I_TRANSITION).s()),
                Action.valueOf(mark.get(I_ACTION).s()),
                mark.containsKey(I_OUTCOME) ? OperationStatus.valueOf(mark.get(I_OUTCOME).s()) : null,
                instant(mark.get(I_LEASE_UNTIL)), Instant.parse(mark.get(I_UPDATED_AT).s()));
    }

    static AttributeValue capacity(Capacity capacity) {
        return capacity == null ? null : s(OffhoursTags.formatCapacity(capacity));
    }

    static Capacity capacity(AttributeValue value) {
        return value == null ? null : OffhoursTags.parseCapacity(value.s());
    }

    private static Instant instant(AttributeValue value) {
        return value == null ? null : Instant.parse(value.s());
    }

    private static String text(AttributeValue value) {
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

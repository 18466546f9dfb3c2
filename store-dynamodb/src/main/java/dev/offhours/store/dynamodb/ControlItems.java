package dev.offhours.store.dynamodb;

import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.Condition;
import dev.offhours.core.port.ConditionStatus;
import dev.offhours.core.port.ConditionType;
import dev.offhours.core.port.HealthStatus;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.port.ReconcilerStatus;
import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.TargetKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.offhours.core.port.ScheduleIntent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the control table's items (status, intents, account health, orphan reports) to values and
 * back.
 */
final class ControlItems {

    static final String STATUS_PK = "status";
    static final String STATUS_SK = "reconciler";
    static final String HEALTH_PK = "health";
    static final String ORPHAN_PK = "orphan";
    static final String INTENT_PK = "intent";
    static final String VERSION = "version";
    private static final String BODY = "body";
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final String UPDATED_AT = "updatedAt";

    private ControlItems() {
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(HubTableDefinitions.PK, s(pk), HubTableDefinitions.SK, s(sk));
    }

    /**
     * An intent is one item (pk {@code intent}, sk the schedule): its version as a number for the conditional write,
     * the rest as JSON, since nothing queries inside it and new fields then need no migration.
     */
    static Map<String, AttributeValue> intent(ScheduleIntent intent) {
        Map<String, AttributeValue> item = new HashMap<>(key(INTENT_PK, intent.schedule()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(intent.version())));
        try {
            item.put(BODY, s(JSON.writeValueAsString(intent)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the intent of " + intent.schedule(), e);
        }
        return item;
    }

    static ScheduleIntent intent(Map<String, AttributeValue> item) {
        try {
            return JSON.readValue(item.get(BODY).s(), ScheduleIntent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the control table holds an intent it cannot read ("
                    + item.get(HubTableDefinitions.SK).s() + "): " + e.getOriginalMessage(), e);
        }
    }


    static Map<String, AttributeValue> status(ReconcilerStatus status) {
        Map<String, AttributeValue> item = new HashMap<>(key(STATUS_PK, STATUS_SK));
        putIfPresent(item, "appliedRevision", status.appliedRevision());
        putIfPresent(item, "lastFetchedRevision", status.lastFetchedRevision());
        putIfPresent(item, "lastFetchedAt", instant(status.lastFetchedAt()));
        item.put("conditions", AttributeValue.fromL(status.conditions().stream().map(ControlItems::condition).toList()));
        item.put("problems", AttributeValue.fromL(status.problems().stream().map(ControlItems::s).toList()));
        item.put(UPDATED_AT, s(SortableInstant.format(status.updatedAt())));
        return item;
    }

    static ReconcilerStatus status(Map<String, AttributeValue> item) {
        List<Condition> conditions = item.get("conditions").l().stream().map(v -> condition(v.m())).toList();
        List<String> problems = item.get("problems").l().stream().map(AttributeValue::s).toList();
        return new ReconcilerStatus(text(item, "appliedRevision"), text(item, "lastFetchedRevision"),
                instant(item, "lastFetchedAt"), conditions, problems, instant(item, UPDATED_AT));
    }




    static Map<String, AttributeValue> health(AccountHealth h) {
        Map<String, AttributeValue> item = new HashMap<>(key(HEALTH_PK, h.account() + "#" + h.region()));
        item.put("account", s(h.account()));
        item.put("region", s(h.region()));
        item.put("status", s(h.status().name()));
        putIfPresent(item, "lastDiscoveryAt", instant(h.lastDiscoveryAt()));
        putIfPresent(item, "lastEventAt", instant(h.lastEventAt()));
        putIfPresent(item, "lastError", h.lastError());
        item.put("correctedItems", AttributeValue.fromN(Integer.toString(h.correctedItems())));
        return item;
    }

    static AccountHealth health(Map<String, AttributeValue> item) {
        return new AccountHealth(item.get("account").s(), item.get("region").s(), HealthStatus.valueOf(item.get("status").s()),
                instant(item, "lastDiscoveryAt"), instant(item, "lastEventAt"), text(item, "lastError"),
                Integer.parseInt(item.get("correctedItems").n()));
    }

    static Map<String, AttributeValue> orphan(OrphanReport report) {
        Target target = report.target();
        Map<String, AttributeValue> item = new HashMap<>(key(ORPHAN_PK, target.key()));
        item.put("account", s(target.account()));
        item.put("region", s(target.region()));
        item.put("kind", s(target.kind().wireName()));
        putIfPresent(item, "cluster", target.cluster());
        item.put("name", s(target.name()));
        item.put("schedule", s(report.schedule()));
        item.put("current", capacity(report.current()));
        if (report.savedAwake() != null) {
            item.put("savedAwake", capacity(report.savedAwake()));
        }
        item.put("reportedAt", s(SortableInstant.format(report.reportedAt())));
        item.put("reportedBy", s(report.reportedBy()));
        item.put(HubTableDefinitions.TTL, AttributeValue.fromN(Long.toString(report.expiresAt().getEpochSecond())));
        return item;
    }

    static OrphanReport orphan(Map<String, AttributeValue> item) {
        Target target = new Target(item.get("account").s(), item.get("region").s(),
                TargetKind.fromWireName(item.get("kind").s()), text(item, "cluster"), item.get("name").s());
        AttributeValue saved = item.get("savedAwake");
        return new OrphanReport(target, item.get("schedule").s(), capacity(item.get("current")),
                saved == null ? null : capacity(saved), instant(item, "reportedAt"), item.get("reportedBy").s());
    }

    private static AttributeValue capacity(Capacity c) {
        return AttributeValue.fromM(Map.of("min", n(c.min()), "desired", n(c.desired()), "max", n(c.max())));
    }

    private static Capacity capacity(AttributeValue value) {
        Map<String, AttributeValue> m = value.m();
        return new Capacity(Integer.parseInt(m.get("min").n()), Integer.parseInt(m.get("desired").n()),
                Integer.parseInt(m.get("max").n()));
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }

    private static AttributeValue condition(Condition c) {
        return AttributeValue.fromM(Map.of("type", s(c.type().wireName()), "status", s(c.status().wireName()),
                "reason", s(c.reason()), "message", s(c.message()),
                "lastTransitionTime", s(SortableInstant.format(c.lastTransitionTime()))));
    }

    private static Condition condition(Map<String, AttributeValue> m) {
        return new Condition(ConditionType.fromWireName(m.get("type").s()), ConditionStatus.fromWireName(m.get("status").s()),
                m.get("reason").s(), m.get("message").s(), instant(m, "lastTransitionTime"));
    }

    private static String instant(Instant instant) {
        return instant == null ? null : SortableInstant.format(instant);
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = text(item, name);
        return text == null ? null : SortableInstant.parse(text);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

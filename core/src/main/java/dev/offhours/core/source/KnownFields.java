package dev.offhours.core.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields each kind of document may hold, by location ({@code ""} is the top level, {@code spec.awake[]} an item
 * of the list {@code spec.awake}). The JSON Schemas in {@code schedules-repo-template/schema} must list exactly
 * these (a test compares them).
 */
final class KnownFields {

    static final List<String> ROOT = List.of("apiVersion", "kind", "metadata", "spec");

    static final List<String> SCHEDULE_METADATA = List.of("name", "owner", "description");
    static final List<String> SCHEDULE_SPEC = List.of("timeZone", "awake", "calendars", "sleepOn", "keepAwake",
            "suspend", "enforce", "scope", "asleep", "warmUp");
    static final List<String> AWAKE_PERIOD = List.of("days", "monthDays", "months", "from", "to", "capacity");
    static final List<String> KEEP_AWAKE = List.of("from", "until", "reason");
    static final List<String> SCOPE = List.of("accounts", "regions");
    static final List<String> ASLEEP = List.of("min", "desired");

    static final List<String> CALENDAR_METADATA = List.of("name", "description");
    static final List<String> CALENDAR_SPEC = List.of("country", "subdivision", "dates");
    static final List<String> NAMED_DATE = List.of("date", "name");

    static final List<String> REGISTRY_ROOT = List.of("apiVersion", "kind", "spec");
    static final List<String> REGISTRY_SPEC = List.of("accounts");
    static final List<String> ACCOUNT = List.of("id", "alias", "regions", "groups");

    private KnownFields() {
    }

    /** Every location of a kind with its fields, for the schema test. */
    static Map<String, Set<String>> of(String kind) {
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        switch (kind) {
            case "Schedule" -> {
                fields.put("", Set.copyOf(ROOT));
                fields.put("metadata", Set.copyOf(SCHEDULE_METADATA));
                fields.put("spec", Set.copyOf(SCHEDULE_SPEC));
                fields.put("spec.awake[]", Set.copyOf(AWAKE_PERIOD));
                fields.put("spec.keepAwake[]", Set.copyOf(KEEP_AWAKE));
                fields.put("spec.scope", Set.copyOf(SCOPE));
                fields.put("spec.asleep", Set.copyOf(ASLEEP));
            }
            case "Calendar" -> {
                fields.put("", Set.copyOf(ROOT));
                fields.put("metadata", Set.copyOf(CALENDAR_METADATA));
                fields.put("spec", Set.copyOf(CALENDAR_SPEC));
                fields.put("spec.dates[]", Set.copyOf(NAMED_DATE));
            }
            case "AccountRegistry" -> {
                fields.put("", Set.copyOf(REGISTRY_ROOT));
                fields.put("spec", Set.copyOf(REGISTRY_SPEC));
                fields.put("spec.accounts[]", Set.copyOf(ACCOUNT));
            }
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        }
        return fields;
    }
}

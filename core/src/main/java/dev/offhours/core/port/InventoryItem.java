package dev.offhours.core.port;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.work.Target;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One opted-in resource as the hub knows it (inventory table).
 *
 * @param schedule    value of the {@code offhours.dev/schedule} tag
 * @param current     capacity last observed, null when never observed
 * @param savedAwake  capacity to restore on wake, null when none saved; an upsert with null keeps the stored one
 * @param lastEventAt time of the last change event seen for the resource, null when none
 * @param source      who wrote this version: {@link #DISCOVERY}, {@link #EVENT} or {@link #WORKER}
 * @param version     monotonic per target; a write with a version not above the stored one is ignored
 * @param intent      the newest intent a worker began on the target ({@link IntentLedger}), null when none; only the
 *                    ledger writes it: an upsert keeps the stored one whatever this holds
 */
public record InventoryItem(
        Target target,
        String schedule,
        Map<String, String> tags,
        Capacity current,
        Capacity savedAwake,
        TargetState state,
        Instant lastEventAt,
        String source,
        long version,
        Instant updatedAt,
        AppliedIntent intent) {

    public static final String DISCOVERY = "discovery";
    public static final String EVENT = "event";
    public static final String WORKER = "worker";
    private static final Set<String> SOURCES = Set.of(DISCOVERY, EVENT, WORKER);

    public InventoryItem {
        Objects.requireNonNull(target, "target");
        if (schedule == null || schedule.isBlank()) {
            throw new IllegalArgumentException("inventory item " + target.key() + " needs the schedule it is bound to");
        }
        tags = Map.copyOf(tags == null ? Map.of() : tags);
        state = state == null ? TargetState.UNKNOWN : state;
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("inventory source '" + source + "' is not one of " + DISCOVERY + ", "
                    + EVENT + ", " + WORKER);
        }
        if (version < 0) {
            throw new IllegalArgumentException("inventory version must be 0 or more, but was " + version);
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** An item without an intent mark (what discovery and events write: the ledger's mark is kept as stored). */
    public InventoryItem(Target target, String schedule, Map<String, String> tags, Capacity current,
                         Capacity savedAwake, TargetState state, Instant lastEventAt, String source, long version,
                         Instant updatedAt) {
        this(target, schedule, tags, current, savedAwake, state, lastEventAt, source, version, updatedAt, null);
    }

    public String targetKey() {
        return target.key();
    }

    public InventoryKey key() {
        return InventoryKey.of(target);
    }

    public InventoryItem withSavedAwake(Capacity awake) {
        return new InventoryItem(target, schedule, tags, current, awake, state, lastEventAt, source, version, updatedAt,
                intent);
    }
}

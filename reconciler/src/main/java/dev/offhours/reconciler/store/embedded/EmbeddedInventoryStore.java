package dev.offhours.reconciler.store.embedded;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.AppliedIntent;
import dev.offhours.core.port.IntentRules;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryKey;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.Page;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.MVMap;

/**
 * The inventory table in the embedded store: map {@code inventory} keyed {@code <account>#<region> NUL <kind>#<name>},
 * index map {@code inventory.bySchedule} keyed {@code <schedule> NUL <target key>} whose value is the item's key.
 * Every write happens under the hub's write lock, which makes the ledger's read-decide-write of the intent mark atomic.
 */
public final class EmbeddedInventoryStore implements InventoryStore {

    private final EmbeddedHubStore hub;
    private final MVMap<String, String> items;
    private final MVMap<String, String> bySchedule;

    EmbeddedInventoryStore(EmbeddedHubStore hub) {
        this.hub = hub;
        this.items = hub.map("inventory");
        this.bySchedule = hub.map("inventory.bySchedule");
    }

    @Override
    public boolean upsert(InventoryItem item) {
        String key = key(item.key());
        hub.writeLock().lock();
        try {
            InventoryItem stored = decode(items.get(key));
            if (stored != null && stored.version() >= item.version()) {
                return false;
            }
            InventoryItem withSaved = item.savedAwake() == null && stored != null ? item.withSavedAwake(stored.savedAwake()) : item;
            // only the ledger writes the intent mark: an upsert keeps the stored one
            InventoryItem written = withIntent(withSaved, stored == null ? null : stored.intent());
            bySchedule.put(Keys.join(written.schedule(), written.targetKey()), key);
            items.put(key, EmbeddedJson.write(written));
            if (stored != null && !stored.schedule().equals(written.schedule())) {
                bySchedule.remove(Keys.join(stored.schedule(), stored.targetKey()));
            }
            return true;
        } finally {
            hub.writeLock().unlock();
        }
    }

    @Override
    public Optional<InventoryItem> get(Target target) {
        return Optional.ofNullable(decode(items.get(key(InventoryKey.of(target)))));
    }

    @Override
    public boolean delete(Target target, long version) {
        String key = key(InventoryKey.of(target));
        hub.writeLock().lock();
        try {
            InventoryItem stored = decode(items.get(key));
            if (stored == null || stored.version() > version) {
                return false;
            }
            items.remove(key);
            bySchedule.remove(Keys.join(stored.schedule(), stored.targetKey()));
            return true;
        } finally {
            hub.writeLock().unlock();
        }
    }

    @Override
    public Page<InventoryItem> bySchedule(String schedule, String cursor, int limit) {
        InventoryStore.checkLimit(limit);
        String low = schedule + Keys.SEP;
        String high = schedule + '\u0001';
        String after = cursor == null ? null : Keys.fromCursor(cursor, low, high);
        Keys.Slice<InventoryItem> slice = Keys.range(bySchedule, low, high, false, after, limit, entry -> {
            InventoryItem item = decode(items.get(entry.getValue()));
            // an entry left by an interrupted write or a schedule change in flight: not this schedule's item
            return item != null && item.schedule().equals(schedule) ? item : null;
        });
        return new Page<>(slice.values(), slice.nextCursor());
    }

    @Override
    public Page<InventoryItem> byAccountRegion(String account, String region, String cursor, int limit) {
        InventoryStore.checkLimit(limit);
        String low = InventoryKey.partition(account, region) + Keys.SEP;
        String high = InventoryKey.partition(account, region) + '\u0001';
        String after = cursor == null ? null : Keys.fromCursor(cursor, low, high);
        Keys.Slice<InventoryItem> slice = Keys.range(items, low, high, false, after, limit,
                (Map.Entry<String, String> entry) -> decode(entry.getValue()));
        return new Page<>(slice.values(), slice.nextCursor());
    }

    @Override
    public Optional<Capacity> find(String targetKey) {
        InventoryItem item = decode(items.get(key(InventoryKey.ofTargetKey(targetKey))));
        return Optional.ofNullable(item == null ? null : item.savedAwake());
    }

    @Override
    public void save(String targetKey, Capacity awake) {
        if (awake.isZero()) {
            throw new IllegalArgumentException("0/0/0 is never an awake capacity (target " + targetKey + ")");
        }
        String key = key(InventoryKey.ofTargetKey(targetKey));
        hub.writeLock().lock();
        try {
            InventoryItem stored = decode(items.get(key));
            if (stored != null) {
                items.put(key, EmbeddedJson.write(stored.withSavedAwake(awake)));
            }
        } finally {
            hub.writeLock().unlock();
        }
    }

    @Override
    public boolean recordOutcome(String targetKey, TargetState state, Capacity current, Instant at) {
        String key = key(InventoryKey.ofTargetKey(targetKey));
        long version = at.toEpochMilli();
        hub.writeLock().lock();
        try {
            InventoryItem stored = decode(items.get(key));
            if (stored == null || stored.version() >= version) {
                return false;
            }
            items.put(key, EmbeddedJson.write(new InventoryItem(stored.target(), stored.schedule(), stored.tags(),
                    current, stored.savedAwake(), state, stored.lastEventAt(), InventoryItem.WORKER, version, at,
                    stored.intent())));
            return true;
        } finally {
            hub.writeLock().unlock();
        }
    }

    @Override
    public Begin begin(Target target, String schedule, Instant transition, Action action, Instant now,
                       Duration lease) {
        String key = key(InventoryKey.of(target));
        hub.writeLock().lock();
        try {
            InventoryItem stored = decode(items.get(key));
            if (stored == null) {
                return new Begin(Start.UNTRACKED, null, null);
            }
            Begin answer = IntentRules.begin(stored.intent(), schedule, transition, action, now, lease);
            if (answer.start() == Start.STARTED) {
                items.put(key, EmbeddedJson.write(withIntent(stored, answer.current())));
            }
            return answer;
        } finally {
            hub.writeLock().unlock();
        }
    }

    @Override
    public boolean finish(Target target, String schedule, Instant transition, OperationStatus outcome, Instant now) {
        IntentRules.requireFinal(outcome);
        String key = key(InventoryKey.of(target));
        hub.writeLock().lock();
        try {
            InventoryItem stored = decode(items.get(key));
            AppliedIntent finished = stored == null ? null
                    : IntentRules.finish(stored.intent(), schedule, transition, outcome, now);
            if (finished == null) {
                return false;
            }
            items.put(key, EmbeddedJson.write(withIntent(stored, finished)));
            return true;
        } finally {
            hub.writeLock().unlock();
        }
    }

    private static InventoryItem withIntent(InventoryItem item, AppliedIntent intent) {
        return new InventoryItem(item.target(), item.schedule(), item.tags(), item.current(), item.savedAwake(),
                item.state(), item.lastEventAt(), item.source(), item.version(), item.updatedAt(), intent);
    }

    private static String key(InventoryKey key) {
        return Keys.join(key.partition(), key.sort());
    }

    private static InventoryItem decode(String json) {
        return json == null ? null : EmbeddedJson.read(json, InventoryItem.class);
    }
}

package dev.offhours.bench;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.InventoryItem;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/** An inventory store that tells, on every successful upsert, which target now holds which capacity. */
final class TimedInventory implements InventoryStore {

    private final InventoryStore delegate;
    private final BiConsumer<Target, Capacity> written;
    final Map<Target, Long> lastWriteNanos = new ConcurrentHashMap<>();

    TimedInventory(InventoryStore delegate, BiConsumer<Target, Capacity> written) {
        this.delegate = delegate;
        this.written = written;
    }

    @Override
    public boolean upsert(InventoryItem item) {
        boolean done = delegate.upsert(item);
        if (done) {
            written.accept(item.target(), item.current());
        }
        return done;
    }

    @Override
    public Optional<InventoryItem> get(Target target) {
        return delegate.get(target);
    }

    @Override
    public boolean delete(Target target, long version) {
        return delegate.delete(target, version);
    }

    @Override
    public Page<InventoryItem> bySchedule(String schedule, String cursor, int limit) {
        return delegate.bySchedule(schedule, cursor, limit);
    }

    @Override
    public Page<InventoryItem> byAccountRegion(String account, String region, String cursor, int limit) {
        return delegate.byAccountRegion(account, region, cursor, limit);
    }

    @Override
    public void save(String targetKey, Capacity awake) {
        delegate.save(targetKey, awake);
    }

    @Override
    public boolean recordOutcome(String targetKey, TargetState state, Capacity current, Instant at) {
        return delegate.recordOutcome(targetKey, state, current, at);
    }

    @Override
    public Optional<Capacity> find(String targetKey) {
        return delegate.find(targetKey);
    }

    @Override
    public Begin begin(Target target, String schedule, Instant transition, Action action, Instant now,
                       Duration lease) {
        return delegate.begin(target, schedule, transition, action, now, lease);
    }

    @Override
    public boolean finish(Target target, String schedule, Instant transition, OperationStatus outcome, Instant now) {
        return delegate.finish(target, schedule, transition, outcome, now);
    }
}

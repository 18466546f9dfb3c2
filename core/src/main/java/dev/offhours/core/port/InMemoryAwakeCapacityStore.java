package dev.offhours.core.port;

import dev.offhours.core.capacity.Capacity;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** An {@link AwakeCapacityStore} in memory (tests, benchmark, demo); it also keeps the last recorded outcome. */
public final class InMemoryAwakeCapacityStore implements AwakeCapacityStore {

    /** The last outcome the worker recorded for a target. */
    public record RecordedOutcome(TargetState state, Capacity current, Instant at) {
    }

    private final ConcurrentMap<String, Capacity> saved = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RecordedOutcome> outcomes = new ConcurrentHashMap<>();

    @Override
    public Optional<Capacity> find(String targetKey) {
        return Optional.ofNullable(saved.get(targetKey));
    }

    @Override
    public void save(String targetKey, Capacity awake) {
        if (awake.isZero()) {
            throw new IllegalArgumentException("0/0/0 is never an awake capacity (target " + targetKey + ")");
        }
        saved.put(targetKey, awake);
    }

    @Override
    public boolean recordOutcome(String targetKey, TargetState state, Capacity current, Instant at) {
        outcomes.put(targetKey, new RecordedOutcome(state, current, at));
        return true;
    }

    public Optional<RecordedOutcome> outcome(String targetKey) {
        return Optional.ofNullable(outcomes.get(targetKey));
    }
}

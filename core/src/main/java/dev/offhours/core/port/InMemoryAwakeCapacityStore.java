package dev.offhours.core.port;

import dev.offhours.core.capacity.Capacity;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** An {@link AwakeCapacityStore} in memory (tests, benchmark, demo). */
public final class InMemoryAwakeCapacityStore implements AwakeCapacityStore {

    private final ConcurrentMap<String, Capacity> saved = new ConcurrentHashMap<>();

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
}

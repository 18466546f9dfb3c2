package dev.offhours.core.port;

import dev.offhours.core.capacity.Capacity;
import java.util.Optional;

/**
 * The hub's copy of each target's saved awake capacity (the inventory table implements it), kept besides the
 * resource's own tag so a wake still knows what to restore when someone removed the tag.
 */
public interface AwakeCapacityStore {

    Optional<Capacity> find(String targetKey);

    void save(String targetKey, Capacity awake);
}

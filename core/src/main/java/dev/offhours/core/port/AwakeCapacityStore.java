package dev.offhours.core.port;

import dev.offhours.core.capacity.Capacity;
import java.time.Instant;
import java.util.Optional;

/**
 * The hub's copy of each target's saved awake capacity (the inventory table implements it), kept besides the
 * resource's own tag so a wake still knows what to restore when someone removed the tag.
 */
public interface AwakeCapacityStore {

    Optional<Capacity> find(String targetKey);

    void save(String targetKey, Capacity awake);

    /**
     * Notes what the worker left {@code targetKey} in after a successful transition, so the hub's view (status
     * counts, drift sweep) does not wait for the next event or discovery. A store that keeps no such view ignores it
     * (this default); the inventory stores update their item (see {@link InventoryStore#recordOutcome}).
     *
     * @param state   ASLEEP after a sleep, AWAKE after a wake
     * @param current the capacity the target was left with
     * @param at      when the worker observed the outcome
     * @return true if the store changed anything
     */
    default boolean recordOutcome(String targetKey, TargetState state, Capacity current, Instant at) {
        return false;
    }
}

package dev.offhours.core.port;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.work.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inventory of opted-in resources. Writes carry a monotonic version so that late, duplicate or reordered updates
 * (SQS delivers at least once, discovery and events race) never regress an item. Every read is a key lookup or a
 * range read on a known partition: {@link #bySchedule} on the {@code bySchedule} index, {@link #byAccountRegion} on
 * the table's partition key; never a scan. Also the hub's {@link AwakeCapacityStore}: the saved awake capacity lives
 * on the item; and the {@link IntentLedger}: the intent mark lives on the item too, written only by
 * {@link #begin}/{@link #finish} (upsert, save and recordOutcome keep it) and returned by every read as
 * {@link InventoryItem#intent()}. Implementations throw {@link StoreUnavailableException} for transient failures.
 */
public interface InventoryStore extends AwakeCapacityStore, IntentLedger {

    int MAX_PAGE = 1000;

    /**
     * Writes {@code item} if the store holds no item for its target or one with a lower version. A null
     * {@link InventoryItem#savedAwake()} keeps the saved awake capacity already stored.
     *
     * @return true if written; false if the stored version is equal or higher (nothing changed)
     */
    boolean upsert(InventoryItem item);

    Optional<InventoryItem> get(Target target);

    /**
     * Deletes the item of {@code target} if its stored version is at most {@code version}: a removal observed at
     * version v does not erase an update the store received later.
     *
     * @return true if an item was deleted
     */
    boolean delete(Target target, long version);

    /** Items bound to {@code schedule}, ordered by target key; {@code cursor} null for the first page. */
    Page<InventoryItem> bySchedule(String schedule, String cursor, int limit);

    /** Items of one account and region, ordered by sort key ({@code <kind>#<name>}); cursor null for the first page. */
    Page<InventoryItem> byAccountRegion(String account, String region, String cursor, int limit);

    /** Every item of one account and region, page by page (discovery compares them with what it found). */
    default List<InventoryItem> allByAccountRegion(String account, String region) {
        List<InventoryItem> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<InventoryItem> page = byAccountRegion(account, region, cursor, MAX_PAGE);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    /**
     * Saves the awake capacity on the inventory item of {@code targetKey} without changing its version. When the hub
     * knows no item for that target yet this does nothing: the resource's tag holds the capacity and discovery
     * brings it into the inventory.
     *
     * @throws IllegalArgumentException for 0/0/0, which is never an awake capacity
     */
    @Override
    void save(String targetKey, Capacity awake);

    /**
     * Records the worker's outcome on the existing item of {@code targetKey}: sets its state, current capacity,
     * source {@link InventoryItem#WORKER}, updatedAt and version to {@code at} in epoch milliseconds, keeping
     * schedule, tags, saved awake capacity and last event. Like an {@link #upsert} it writes only over a lower stored
     * version; discovery and events version their writes with the epoch milliseconds of their read, so a read taken
     * after the outcome overwrites it and a read taken before it (but written late) does not regress it. When the hub
     * knows no item for that target this does nothing: discovery brings the resource in, with its state.
     *
     * @return true if the item was updated; false if there is none or its version is equal or higher
     */
    @Override
    boolean recordOutcome(String targetKey, TargetState state, Capacity current, Instant at);

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE + ", but was " + limit);
        }
    }
}

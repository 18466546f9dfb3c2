package dev.offhours.core.port;

import java.util.Optional;

/**
 * The catalog snapshot of the applied revision, kept in the hub's control store for readers that have no Git (the
 * status API on Lambda). A reader never sees a half-written snapshot: the content is written first under its digest,
 * then a pointer names it. Implementations throw {@link StoreUnavailableException} for transient failures.
 */
public interface CatalogSnapshotStore {

    /**
     * Writes {@code snapshot}'s content, then points at it unless the current pointer names a snapshot applied
     * later (a slow replica does not undo a newer revision). The content the pointer named before is deleted.
     *
     * @return true if {@code snapshot} is now current
     */
    boolean publish(CatalogSnapshot snapshot);

    /** The pointer to the current snapshot (one key lookup), empty before the hub applied anything. */
    Optional<CatalogSnapshot.Pointer> pointer();

    /**
     * The content {@code pointer} names, checked against its digest; empty when it is gone or incomplete (a newer
     * snapshot replaced it meanwhile: read the pointer again).
     */
    Optional<CatalogSnapshot> read(CatalogSnapshot.Pointer pointer);

    /** The current snapshot, read again once if it was replaced while being read. */
    default Optional<CatalogSnapshot> current() {
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<CatalogSnapshot.Pointer> pointer = pointer();
            if (pointer.isEmpty()) {
                return Optional.empty();
            }
            Optional<CatalogSnapshot> snapshot = read(pointer.get());
            if (snapshot.isPresent()) {
                return snapshot;
            }
        }
        throw new StoreUnavailableException("the catalog snapshot was replaced twice while being read; retry");
    }
}

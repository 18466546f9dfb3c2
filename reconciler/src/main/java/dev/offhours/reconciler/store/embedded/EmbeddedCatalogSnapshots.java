package dev.offhours.reconciler.store.embedded;

import dev.offhours.core.port.CatalogSnapshot;
import dev.offhours.core.port.CatalogSnapshotStore;
import java.util.Base64;
import java.util.Optional;
import org.h2.mvstore.MVMap;

/**
 * Catalog snapshots in the embedded store's {@code control} map, keyed like the DynamoDB table: the content under
 * {@code catalog#<digest>/0000} (one entry, MVStore has no item size limit), the pointer under {@code catalog/current}.
 * Both are written under the store's write lock and committed at once.
 */
public final class EmbeddedCatalogSnapshots implements CatalogSnapshotStore {

    private static final String POINTER = Keys.join("catalog", "current");

    private final EmbeddedHubStore hub;
    private final MVMap<String, String> control;

    private EmbeddedCatalogSnapshots(EmbeddedHubStore hub) {
        this.hub = hub;
        this.control = hub.map("control");
    }

    /** The snapshots kept in {@code hub}'s control map. */
    public static EmbeddedCatalogSnapshots of(EmbeddedHubStore hub) {
        return new EmbeddedCatalogSnapshots(hub);
    }

    @Override
    public boolean publish(CatalogSnapshot snapshot) {
        hub.writeLock().lock();
        try {
            Optional<CatalogSnapshot.Pointer> before = pointer();
            if (before.isPresent() && before.get().appliedAt().isAfter(snapshot.appliedAt())) {
                return false;
            }
            control.put(contentKey(snapshot.digest()), Base64.getEncoder().encodeToString(snapshot.content()));
            control.put(POINTER, EmbeddedJson.write(snapshot.pointer()));
            before.filter(p -> !p.digest().equals(snapshot.digest())).ifPresent(p -> control.remove(contentKey(p.digest())));
            hub.commit();
            return true;
        } finally {
            hub.writeLock().unlock();
        }
    }

    @Override
    public Optional<CatalogSnapshot.Pointer> pointer() {
        return Optional.ofNullable(control.get(POINTER)).map(json -> EmbeddedJson.read(json, CatalogSnapshot.Pointer.class));
    }

    @Override
    public Optional<CatalogSnapshot> read(CatalogSnapshot.Pointer pointer) {
        String content = control.get(contentKey(pointer.digest()));
        if (content == null) {
            return Optional.empty();
        }
        byte[] bytes = Base64.getDecoder().decode(content);
        return CatalogSnapshot.sha256Hex(bytes).equals(pointer.digest())
                ? Optional.of(new CatalogSnapshot(pointer.revision(), pointer.appliedAt(), bytes, pointer.digest()))
                : Optional.empty();
    }

    private static String contentKey(String digest) {
        return Keys.join("catalog#" + digest, "0000");
    }
}

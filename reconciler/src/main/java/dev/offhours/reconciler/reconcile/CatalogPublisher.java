package dev.offhours.reconciler.reconcile;

import dev.offhours.core.port.CatalogSnapshot;
import dev.offhours.core.port.CatalogSnapshotStore;
import dev.offhours.core.source.SourceFile;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the applied revision's files as a {@link CatalogSnapshot}, so that the status API on Lambda, which has no
 * Git, serves the catalog the hub runs. A failed write never holds the reconciler up: the snapshot stays pending and
 * the next reconcile run writes it again (a newer revision replaces a pending one).
 */
public final class CatalogPublisher {

    /** For hubs whose API runs only in the service: nothing is written. */
    public static final CatalogPublisher NONE = new CatalogPublisher(null, Clock.systemUTC());

    private static final Logger LOG = LoggerFactory.getLogger(CatalogPublisher.class);

    private final CatalogSnapshotStore store;
    private final Clock clock;
    private CatalogSnapshot pending;

    public CatalogPublisher(CatalogSnapshotStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The hub applied {@code revision} read from {@code files}: write its snapshot now, or on a later run. */
    synchronized void applied(String revision, Collection<SourceFile> files) {
        if (store == null) {
            return;
        }
        pending = CatalogSnapshot.of(revision, clock.instant(), files);
        retry();
    }

    /** Writes the pending snapshot, if any; called on every reconcile run. */
    synchronized void retry() {
        if (pending == null) {
            return;
        }
        try {
            if (!store.publish(pending)) {
                LOG.info("The catalog snapshot of {} was not written: the store holds one applied later.",
                        pending.revision());
            }
            pending = null;
        } catch (RuntimeException e) {
            LOG.warn("Cannot write the catalog snapshot of {} ({}); the next reconcile run tries again.",
                    pending.revision(), e.getMessage());
        }
    }

    /** The snapshot not written yet, for tests and health. */
    synchronized Optional<CatalogSnapshot> pending() {
        return Optional.ofNullable(pending);
    }
}

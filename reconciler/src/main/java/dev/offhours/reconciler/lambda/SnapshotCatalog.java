package dev.offhours.reconciler.lambda;

import dev.offhours.core.port.CatalogSnapshot;
import dev.offhours.core.port.CatalogSnapshotStore;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.source.RepositoryReadResult;
import dev.offhours.core.source.RepositoryReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The catalog the hub applied, rebuilt from its snapshot in the control table with the hub's own reader. The
 * pointer is read again at most once per {@code refresh}, and the content only when the pointer names another
 * digest: a warm function answers from memory. Before the hub applied anything the catalog is empty, as the service's
 * is before its first revision.
 */
final class SnapshotCatalog implements Supplier<ScheduleCatalog> {

    private record Loaded(String digest, ScheduleCatalog catalog, Instant checkedAt) {
    }

    private final CatalogSnapshotStore store;
    private final RepositoryReader reader;
    private final Clock ticker;
    private final Duration refresh;
    private Loaded loaded;

    /** @param ticker tells when to read the pointer again (real time, unlike the API's clock in tests) */
    SnapshotCatalog(CatalogSnapshotStore store, RepositoryReader reader, Clock ticker, Duration refresh) {
        this.store = store;
        this.reader = reader;
        this.ticker = ticker;
        this.refresh = refresh;
    }

    @Override
    public synchronized ScheduleCatalog get() {
        Instant now = ticker.instant();
        if (loaded != null && now.isBefore(loaded.checkedAt().plus(refresh))) {
            return loaded.catalog();
        }
        Optional<CatalogSnapshot.Pointer> pointer = store.pointer();
        if (pointer.isEmpty()) {
            loaded = new Loaded(null, ScheduleCatalog.EMPTY, now);
        } else if (loaded != null && pointer.get().digest().equals(loaded.digest())) {
            loaded = new Loaded(loaded.digest(), loaded.catalog(), now);
        } else {
            CatalogSnapshot snapshot = store.read(pointer.get()).or(store::current).orElseThrow();
            loaded = new Loaded(snapshot.digest(), rebuild(snapshot), now);
        }
        return loaded.catalog();
    }

    private ScheduleCatalog rebuild(CatalogSnapshot snapshot) {
        RepositoryReadResult read = reader.read(snapshot.files());
        if (!read.valid()) {
            // the hub applied it, so only a reader of another version refuses it: say so rather than serve less
            throw new IllegalStateException("the catalog snapshot of " + snapshot.revision() + " is not valid for "
                    + "this version of the status API (" + read.problems().size() + " problems, first: "
                    + read.problems().get(0) + "); deploy the function from the hub's version");
        }
        return read.catalog();
    }
}

package dev.offhours.reconciler.store.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The hub's three tables in one local MVStore file, for {@code demo} and single-machine trials: no server, data kept
 * across restarts. Each table is a sorted map keyed like its DynamoDB table and each index is a further sorted map,
 * so every read is a range read. Writes are serialised by one lock; reads run concurrently. An interrupted write can
 * leave an index entry without its record, never a record without its index entries (indexes are written first
 * and checked on read). MVStore commits in the background about once a second; control writes (claims, status)
 * commit at once, since losing one would let a restarted hub dispatch a transition twice.
 */
public final class EmbeddedHubStore implements AutoCloseable {

    private final MVStore store;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final EmbeddedInventoryStore inventory;
    private final EmbeddedControlStore control;
    private final EmbeddedOperationStore operations;

    private EmbeddedHubStore(MVStore store, Clock clock) {
        this.store = store;
        this.inventory = new EmbeddedInventoryStore(this);
        this.control = new EmbeddedControlStore(this, clock);
        this.operations = new EmbeddedOperationStore(this);
    }

    /** Opens (or creates) the store in {@code file}; its directory is created when missing. */
    public static EmbeddedHubStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    /** Opens (or creates) the store in {@code file}; {@code clock} tells which orphan reports have expired. */
    public static EmbeddedHubStore open(Path file, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of the embedded store " + file, e);
        }
        return new EmbeddedHubStore(new MVStore.Builder().fileName(file.toString()).compress().open(), clock);
    }

    public EmbeddedInventoryStore inventory() {
        return inventory;
    }

    public EmbeddedControlStore control() {
        return control;
    }

    public EmbeddedOperationStore operations() {
        return operations;
    }

    MVMap<String, String> map(String name) {
        return store.openMap(name);
    }

    ReentrantLock writeLock() {
        return writeLock;
    }

    /** Makes everything written so far durable now. */
    void commit() {
        store.commit();
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (!store.isClosed()) {
                store.close();
            }
        } finally {
            writeLock.unlock();
        }
    }
}

package dev.offhours.reconciler.store.embedded;

import java.nio.file.Path;

/** Opens and reopens one embedded hub store file for a test. */
final class EmbeddedStores implements AutoCloseable {

    private final Path file;
    private EmbeddedHubStore hub;

    EmbeddedStores(Path directory) {
        this.file = directory.resolve("hub.mv.db");
        this.hub = EmbeddedHubStore.open(file);
    }

    EmbeddedHubStore hub() {
        return hub;
    }

    /** Closes the store and opens the same file again, as a restarted hub would. */
    EmbeddedHubStore reopen() {
        hub.close();
        hub = EmbeddedHubStore.open(file);
        return hub;
    }

    @Override
    public void close() {
        hub.close();
    }
}

package dev.offhours.reconciler.store.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded hub store file per test, opened before it and closed (and deleted) after it; {@link #reopen} closes
 * and opens the same file as a restarted hub would. Register with {@code @RegisterExtension}.
 */
final class EmbeddedStores implements BeforeEachCallback, AfterEachCallback {

    private Path directory;
    private EmbeddedHubStore hub;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("embedded-store-test");
        hub = EmbeddedHubStore.open(file());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        hub.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(EmbeddedStores::delete);
        }
    }

    EmbeddedHubStore hub() {
        return hub;
    }

    /** Closes the store and opens the same file again, as a restarted hub would. */
    EmbeddedHubStore reopen() {
        hub.close();
        hub = EmbeddedHubStore.open(file());
        return hub;
    }

    private Path file() {
        return directory.resolve("hub.mv.db");
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.offhours.reconciler.store.embedded;

import static dev.offhours.store.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.CatalogSnapshot;
import dev.offhours.core.port.CatalogSnapshotStore;
import dev.offhours.store.contract.CatalogSnapshotStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedCatalogSnapshotsTest extends CatalogSnapshotStoreContract {

    @RegisterExtension
    final EmbeddedStores stores = new EmbeddedStores();

    @Override
    protected CatalogSnapshotStore store() {
        return EmbeddedCatalogSnapshots.of(stores.hub());
    }

    @Test
    void aSnapshotSurvivesAReopen() {
        store().publish(CatalogSnapshot.of("main@sha1:aaa", T0, FILES));

        stores.reopen();

        assertThat(store().current().orElseThrow().files()).containsExactlyInAnyOrderElementsOf(FILES);
    }
}

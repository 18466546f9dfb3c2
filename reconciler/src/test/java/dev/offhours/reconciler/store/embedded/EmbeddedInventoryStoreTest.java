package dev.offhours.reconciler.store.embedded;

import static dev.offhours.store.contract.Fixtures.asg;
import static dev.offhours.store.contract.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.work.Target;
import dev.offhours.store.contract.InventoryStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedInventoryStoreTest extends InventoryStoreContract {

    @RegisterExtension
    final EmbeddedStores stores = new EmbeddedStores();

    @Override
    protected InventoryStore store() {
        return stores.hub().inventory();
    }

    @Test
    void itemsIndexesAndSavedCapacitySurviveAReopen() {
        Target web = asg("111111111111", "web");
        InventoryItem item = item(web, "payments-dev", 4);
        store().upsert(item);
        store().save(web.key(), new Capacity(2, 3, 10));

        stores.reopen();

        assertThat(store().get(web)).contains(item.withSavedAwake(new Capacity(2, 3, 10)));
        assertThat(store().bySchedule("payments-dev", null, 10).items()).hasSize(1);
        assertThat(store().upsert(item(web, "payments-dev", 4))).as("the version survived too").isFalse();
    }
}

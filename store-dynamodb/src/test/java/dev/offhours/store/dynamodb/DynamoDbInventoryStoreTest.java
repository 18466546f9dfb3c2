package dev.offhours.store.dynamodb;

import dev.offhours.core.port.InventoryStore;
import dev.offhours.store.contract.InventoryStoreContract;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class DynamoDbInventoryStoreTest extends InventoryStoreContract {

    private MotoHubTables tables;
    private InventoryStore store;

    @BeforeEach
    void createTables(MotoServer moto) {
        tables = new MotoHubTables(moto);
        store = new DynamoDbInventoryStore(tables.client(), MotoHubTables.NAMES.inventory());
    }

    @AfterEach
    void neverScanned() {
        tables.assertNeverScanned();
        tables.close();
    }

    @Override
    protected InventoryStore store() {
        return store;
    }
}

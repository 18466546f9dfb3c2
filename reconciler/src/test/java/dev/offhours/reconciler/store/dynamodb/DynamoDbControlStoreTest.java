package dev.offhours.reconciler.store.dynamodb;

import dev.offhours.core.port.ControlStore;
import dev.offhours.reconciler.store.ControlStoreContract;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class DynamoDbControlStoreTest extends ControlStoreContract {

    private MotoHubTables tables;
    private ControlStore store;

    @BeforeEach
    void createTables(MotoServer moto) {
        tables = new MotoHubTables(moto);
        store = new DynamoDbControlStore(tables.client(), MotoHubTables.NAMES.control());
    }

    @AfterEach
    void neverScanned() {
        tables.assertNeverScanned();
        tables.close();
    }

    @Override
    protected ControlStore store() {
        return store;
    }
}

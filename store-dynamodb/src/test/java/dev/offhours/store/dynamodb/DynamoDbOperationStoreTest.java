package dev.offhours.store.dynamodb;

import static dev.offhours.store.contract.Fixtures.T0;
import static dev.offhours.store.contract.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.OperationHistory;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.OperationStore;
import dev.offhours.store.contract.OperationStoreContract;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class DynamoDbOperationStoreTest extends OperationStoreContract {

    private MotoHubTables tables;
    private OperationStore store;
    private OperationHistory history;

    @BeforeEach
    void createTables(MotoServer moto) {
        tables = new MotoHubTables(moto);
        store = new DynamoDbOperationStore(tables.client(), MotoHubTables.NAMES.operations());
        history = new DynamoDbOperationHistory(tables.client(), MotoHubTables.NAMES.operations());
    }

    @AfterEach
    void neverScanned() {
        tables.assertNeverScanned();
        tables.close();
    }

    @Override
    protected OperationStore store() {
        return store;
    }

    @Override
    protected OperationHistory history() {
        return history;
    }

    @Test
    void theLatestPageReadsAboutAsManyItemsAsItReturns() {
        for (int i = 0; i < 200; i++) {
            store.save(record("payments-dev", T0, "111111111111#eu-central-1#asg#web-" + i, OperationStatus.SUCCEEDED,
                    T0.plusMillis(10L * i)));
        }
        tables.resetCounts();

        List<OperationRecord> page = history.latest(T0, T0.plusSeconds(60), null, 50).items();

        assertThat(page).hasSize(50);
        assertThat(tables.itemsScanned()).as("no filter: every item read is a candidate").isEqualTo(tables.itemsReturned());
        // the merge reads at most one short page per shard beyond the page it returns
        assertThat(tables.itemsReturned()).as("items read for a page of 50").isBetween(50L, 50L + 10 * 5);
    }
}

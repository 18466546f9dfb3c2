package dev.offhours.reconciler.store.embedded;

import static dev.offhours.store.contract.Fixtures.T0;
import static dev.offhours.store.contract.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.OperationHistory;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.OperationStore;
import dev.offhours.store.contract.OperationStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedOperationStoreTest extends OperationStoreContract {

    @RegisterExtension
    final EmbeddedStores stores = new EmbeddedStores();

    @Override
    protected OperationStore store() {
        return stores.hub().operations();
    }

    @Override
    protected OperationHistory history() {
        return stores.hub().operations();
    }

    @Test
    void recordsAndTheirIndexesSurviveAReopen() {
        OperationRecord failed = record("payments-dev", T0, "111111111111#eu-central-1#asg#web", OperationStatus.FAILED,
                T0.plusSeconds(1));
        store().save(failed);

        stores.reopen();

        assertThat(store().find(failed.key())).contains(failed);
        assertThat(history().failures(T0, T0.plusSeconds(60), null, 10).items()).containsExactly(failed);
        assertThat(store().save(record("payments-dev", T0, failed.targetKey(), OperationStatus.IN_PROGRESS, T0)))
                .as("a final status stays final after a restart").isFalse();
    }
}

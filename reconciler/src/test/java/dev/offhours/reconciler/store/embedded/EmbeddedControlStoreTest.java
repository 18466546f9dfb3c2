package dev.offhours.reconciler.store.embedded;

import static dev.offhours.reconciler.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.HealthStatus;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.reconciler.store.ControlStoreContract;
import dev.offhours.reconciler.store.Fixtures;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedControlStoreTest extends ControlStoreContract {

    @RegisterExtension
    final EmbeddedStores stores = new EmbeddedStores();

    @Override
    protected ControlStore store() {
        return stores.hub().control();
    }

    @Override
    protected ControlStore storeAt(Clock clock) {
        return new EmbeddedControlStore(stores.hub(), clock);
    }

    @Test
    void claimsDispatchesStatusAndHealthSurviveAReopen() {
        store().claim("payments-dev", T0, "replica-0", T0);
        store().recordDispatch("payments-dev", T0, 12, T0.plusSeconds(1));
        store().saveStatus(refused(T0));
        store().saveAccountHealth(new AccountHealth("111111111111", "eu-central-1", HealthStatus.OK, T0, null, null, 0));
        store().reportOrphan(orphan(Fixtures.asg("111111111111", "web"), null, T0, OrphanReport.DISCOVERY));

        stores.reopen();

        assertThat(store().claim("payments-dev", T0, "replica-1", T0)).as("a restarted hub does not claim again").isFalse();
        assertThat(store().latestDispatch("payments-dev")).hasValueSatisfying(d -> assertThat(d.count()).isEqualTo(12));
        assertThat(store().status()).contains(refused(T0));
        assertThat(store().accountHealth()).hasSize(1);
        assertThat(at(this, T0).orphans()).hasSize(1);
    }
}

package dev.offhours.reconciler.store.embedded;

import static dev.offhours.store.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.port.HealthStatus;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.store.contract.ControlStoreContract;
import dev.offhours.store.contract.Fixtures;
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
    void intentsStatusAndHealthSurviveAReopen() {
        store().saveIntent(ScheduleIntent.first("payments-dev", PowerState.ASLEEP, T0, ScheduleIntent.TRANSITION, "fp",
                "main@sha1:abc"));
        store().saveStatus(refused(T0));
        store().saveAccountHealth(new AccountHealth("111111111111", "eu-central-1", HealthStatus.OK, T0, null, null, 0));
        store().reportOrphan(orphan(Fixtures.asg("111111111111", "web"), null, T0, OrphanReport.DISCOVERY));

        stores.reopen();

        assertThat(store().intent("payments-dev")).hasValueSatisfying(i -> assertThat(i.since()).isEqualTo(T0));
        assertThat(store().saveIntent(ScheduleIntent.first("payments-dev", PowerState.AWAKE, T0, ScheduleIntent.TRANSITION,
                "fp", "main@sha1:abc"))).as("a restarted hub does not write a first intent again").isFalse();
        assertThat(store().status()).contains(refused(T0));
        assertThat(store().accountHealth()).hasSize(1);
        assertThat(at(this, T0).orphans()).hasSize(1);
    }
}

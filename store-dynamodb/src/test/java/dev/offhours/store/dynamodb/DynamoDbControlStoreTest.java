package dev.offhours.store.dynamodb;

import static dev.offhours.store.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.work.Target;
import dev.offhours.store.contract.ControlStoreContract;
import dev.offhours.store.contract.Fixtures;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

    @Override
    protected ControlStore storeAt(Clock clock) {
        return new DynamoDbControlStore(tables.client(), MotoHubTables.NAMES.control(), clock);
    }

    @Test
    void anOrphanReportCarriesATimeToLiveOfThirtyDaysSoDynamoDbDeletesForgottenOnes() {
        Target web = Fixtures.asg("222222222222", "web");
        store.reportOrphan(orphan(web, new Capacity(2, 3, 10), T0, OrphanReport.DISCOVERY));

        var item = tables.client().getItem(b -> b.tableName(MotoHubTables.NAMES.control())
                .key(ControlItems.key(ControlItems.ORPHAN_PK, web.key()))).item();

        assertThat(item.get(HubTableDefinitions.TTL).n())
                .isEqualTo(Long.toString(T0.plus(Duration.ofDays(30)).getEpochSecond()));
    }
}

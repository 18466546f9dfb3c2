package dev.offhours.store.dynamodb;

import static dev.offhours.store.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.CatalogSnapshot;
import dev.offhours.core.port.CatalogSnapshotStore;
import dev.offhours.store.contract.CatalogSnapshotStoreContract;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(MotoExtension.class)
class DynamoDbCatalogSnapshotsTest extends CatalogSnapshotStoreContract {

    private MotoHubTables tables;
    private CatalogSnapshotStore store;

    @BeforeEach
    void createTables(MotoServer moto) {
        tables = new MotoHubTables(moto);
        store = new DynamoDbCatalogSnapshots(tables.client(), MotoHubTables.NAMES.control());
    }

    @AfterEach
    void neverScanned() {
        tables.assertNeverScanned();
        tables.close();
    }

    @Override
    protected CatalogSnapshotStore store() {
        return store;
    }

    /** moto accepts items over 400 KB; AWS does not, so the chunks' size is checked here. */
    @Test
    void everyChunkStaysUnderDynamoDbsItemLimitAndTheOldChunksAreDeleted() {
        CatalogSnapshot big = CatalogSnapshot.of("main@sha1:big", T0, incompressible(1_400_000, 3));
        store.publish(big);

        List<Map<String, AttributeValue>> chunks = chunks(big.digest());
        List<Integer> sizes = chunks.stream().map(chunk -> chunk.get("data").b().asByteArray().length).toList();
        assertThat(sizes).hasSize(4).allSatisfy(size -> assertThat(size)
                .isLessThanOrEqualTo(DynamoDbCatalogSnapshots.CHUNK_BYTES));

        store.publish(CatalogSnapshot.of("main@sha1:small", T0.plusSeconds(1), FILES));

        assertThat(chunks(big.digest()).size()).isZero();
    }

    @Test
    void aRefusedOlderSnapshotLeavesNoChunksBehind() {
        store.publish(CatalogSnapshot.of("main@sha1:new", T0.plusSeconds(60), FILES));
        CatalogSnapshot old = CatalogSnapshot.of("main@sha1:old", T0, FILES.subList(0, 2));

        store.publish(old);

        assertThat(chunks(old.digest()).size()).isZero();
    }

    private List<Map<String, AttributeValue>> chunks(String digest) {
        return tables.client().queryPaginator(b -> b.tableName(MotoHubTables.NAMES.control())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("catalog#" + digest)))).items()
                .stream().toList();
    }
}

package dev.offhours.store.contract;

import static dev.offhours.store.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.CatalogSnapshot;
import dev.offhours.core.port.CatalogSnapshotStore;
import dev.offhours.core.source.SourceFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What every {@link CatalogSnapshotStore} must do; subclasses bind it to one adapter. */
public abstract class CatalogSnapshotStoreContract {

    protected static final List<SourceFile> FILES = List.of(
            new SourceFile("accounts.yaml", "kind: AccountRegistry\n"),
            new SourceFile("schedules/payments/payments-dev.yaml", "kind: Schedule\nname: payments-dev # é ü\n"),
            new SourceFile("calendars/de-by.yaml", "kind: Calendar\n"));

    protected abstract CatalogSnapshotStore store();

    /** {@code size} bytes of random text in files: gzip shrinks it by a sixth only, so the content spans several chunks. */
    protected static List<SourceFile> incompressible(int size, long seed) {
        Random random = new Random(seed);
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i * 50_000 < size; i++) {
            StringBuilder text = new StringBuilder();
            random.ints(50_000, 33, 127).forEach(c -> text.append((char) c));
            files.add(new SourceFile("schedules/team/s" + i + ".yaml", text.toString()));
        }
        return files;
    }

    @Test
    void beforeAnythingIsAppliedThereIsNoSnapshot() {
        assertThat(store().pointer()).isEmpty();
        assertThat(store().current()).isEmpty();
    }

    @Test
    void aPublishedSnapshotReadsBackAsTheSameFilesRevisionAndInstant() {
        CatalogSnapshot snapshot = CatalogSnapshot.of("main@sha1:aaa", T0, FILES);

        assertThat(store().publish(snapshot)).isTrue();

        CatalogSnapshot read = store().current().orElseThrow();
        assertThat(read.revision()).isEqualTo("main@sha1:aaa");
        assertThat(read.appliedAt()).isEqualTo(T0);
        assertThat(read.digest()).isEqualTo(snapshot.digest());
        assertThat(read.files()).containsExactlyInAnyOrderElementsOf(FILES);
    }

    @Test
    void aSnapshotLargerThanAnItemReadsBackWhole() {
        List<SourceFile> files = incompressible(1_400_000, 7);
        CatalogSnapshot snapshot = CatalogSnapshot.of("main@sha1:big", T0, files);
        assertThat(snapshot.content().length).isGreaterThan(1_000_000);

        store().publish(snapshot);

        CatalogSnapshot read = store().current().orElseThrow();
        assertThat(read.digest()).isEqualTo(snapshot.digest());
        assertThat(read.files().stream().map(SourceFile::path)).containsExactlyInAnyOrderElementsOf(
                files.stream().map(SourceFile::path).toList());
        assertThat(read.files().stream().mapToInt(f -> f.content().length()).sum())
                .isEqualTo(files.stream().mapToInt(f -> f.content().length()).sum());
    }

    @Test
    void anOlderRevisionFromASlowReplicaDoesNotReplaceANewerOne() {
        store().publish(CatalogSnapshot.of("main@sha1:new", T0.plus(Duration.ofMinutes(5)), FILES));

        boolean published = store().publish(CatalogSnapshot.of("main@sha1:old", T0, FILES.subList(0, 1)));

        assertThat(published).isFalse();
        assertThat(store().current().orElseThrow().revision()).isEqualTo("main@sha1:new");
        assertThat(store().current().orElseThrow().files()).hasSize(3);
    }

    @Test
    void aNewerSnapshotReplacesTheOldOneWhoseContentIsThenGone() {
        CatalogSnapshot old = CatalogSnapshot.of("main@sha1:old", T0, incompressible(800_000, 1));
        store().publish(old);
        CatalogSnapshot.Pointer heldByAReader = store().pointer().orElseThrow();

        store().publish(CatalogSnapshot.of("main@sha1:new", T0.plusSeconds(60), FILES));

        // a reader that read the old pointer finds its content gone, and current() follows the new pointer
        assertThat(store().read(heldByAReader)).isEmpty();
        assertThat(store().current().orElseThrow().revision()).isEqualTo("main@sha1:new");
    }

    @Test
    void theSameRevisionAppliedAgainAfterARestartStaysReadable() {
        store().publish(CatalogSnapshot.of("main@sha1:aaa", T0, FILES));

        assertThat(store().publish(CatalogSnapshot.of("main@sha1:aaa", T0.plusSeconds(3600), FILES))).isTrue();

        CatalogSnapshot read = store().current().orElseThrow();
        assertThat(read.appliedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(read.files()).containsExactlyInAnyOrderElementsOf(FILES);
    }
}

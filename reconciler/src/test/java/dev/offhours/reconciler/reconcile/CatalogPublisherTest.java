package dev.offhours.reconciler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.CatalogSnapshot;
import dev.offhours.core.port.CatalogSnapshotStore;
import dev.offhours.core.port.StoreUnavailableException;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.reconciler.git.GitSource;
import dev.offhours.reconciler.git.GitSourceConfig;
import dev.offhours.reconciler.git.TestGitRepository;
import dev.offhours.reconciler.store.embedded.EmbeddedCatalogSnapshots;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconciler leaves the applied revision's catalog where the status API on Lambda reads it. */
class CatalogPublisherTest {

    private static final String PAYMENTS = "schedules/payments/payments-dev.yaml";

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-23T07:00:00Z"), ZoneOffset.UTC);
    private TestGitRepository origin;
    private EmbeddedHubStore hub;
    private GitSource source;

    @BeforeEach
    void setUp() throws Exception {
        origin = TestGitRepository.init(dir.resolve("origin"));
        origin.copyTemplate("schedules").copyTemplate("calendars").copyFromTemplate("accounts.yaml");
        hub = EmbeddedHubStore.open(dir.resolve("hub.mv.db"));
        source = new GitSource(new GitSourceConfig().url(origin.dir().toString())
                .localDirectory(dir.resolve("clone.git")), clock);
    }

    @AfterEach
    void tearDown() {
        source.close();
        hub.close();
        origin.close();
    }

    private Reconciler reconciler(CatalogSnapshotStore store) {
        return new Reconciler(source, new RepositoryReader(), new RecordingRegistry(), hub.control(),
                new CatalogPublisher(store, clock), clock);
    }

    @Test
    void theAppliedRevisionsSnapshotRebuildsTheCatalogTheHubRuns() throws Exception {
        RevCommit commit = origin.commit("first schedules");
        Reconciler reconciler = reconciler(EmbeddedCatalogSnapshots.of(hub));

        reconciler.reconcile();

        CatalogSnapshot snapshot = EmbeddedCatalogSnapshots.of(hub).current().orElseThrow();
        ScheduleCatalog rebuilt = new RepositoryReader().read(snapshot.files()).catalog();
        ScheduleCatalog running = reconciler.running().orElseThrow().catalog();
        assertThat(snapshot.revision()).isEqualTo("main@sha1:" + commit.name());
        assertThat(rebuilt.schedules()).isEqualTo(running.schedules());
        assertThat(rebuilt.accounts()).isEqualTo(running.accounts());
        assertThat(snapshot.appliedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aRefusedRevisionLeavesTheSnapshotOfTheLastGoodOne() throws Exception {
        RevCommit good = origin.commit("first schedules");
        Reconciler reconciler = reconciler(EmbeddedCatalogSnapshots.of(hub));
        reconciler.reconcile();
        origin.replace(PAYMENTS, "timeZone: Europe/Berlin", "timeZone: Mars/Olympus");
        origin.commit("broken time zone");

        reconciler.reconcile();

        assertThat(EmbeddedCatalogSnapshots.of(hub).current().orElseThrow().revision())
                .isEqualTo("main@sha1:" + good.name());
    }

    @Test
    void aSnapshotTheStoreRefusedIsWrittenOnTheNextRunWithoutAnyNewCommit() throws Exception {
        RevCommit commit = origin.commit("first schedules");
        CatalogSnapshotStore stored = EmbeddedCatalogSnapshots.of(hub);
        AtomicInteger failuresLeft = new AtomicInteger(2); // the write at apply and the retry at the end of the same run
        CatalogSnapshotStore flaky = new CatalogSnapshotStore() {
            @Override
            public boolean publish(CatalogSnapshot snapshot) {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new StoreUnavailableException("throttled");
                }
                return stored.publish(snapshot);
            }

            @Override
            public Optional<CatalogSnapshot.Pointer> pointer() {
                return stored.pointer();
            }

            @Override
            public Optional<CatalogSnapshot> read(CatalogSnapshot.Pointer pointer) {
                return stored.read(pointer);
            }
        };
        Reconciler reconciler = reconciler(flaky);

        reconciler.reconcile();
        assertThat(stored.pointer()).isEmpty();

        reconciler.reconcile();
        assertThat(stored.pointer().orElseThrow().revision()).isEqualTo("main@sha1:" + commit.name());
    }
}

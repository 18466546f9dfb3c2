package dev.offhours.reconciler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.Condition;
import dev.offhours.core.port.ConditionStatus;
import dev.offhours.core.port.ConditionType;
import dev.offhours.core.port.ReconcilerStatus;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.reconciler.git.GitSource;
import dev.offhours.reconciler.git.GitSourceConfig;
import dev.offhours.reconciler.git.TestGitRepository;
import dev.offhours.reconciler.reconcile.ReconcileResult.Outcome;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcilerTest {

    private static final String PAYMENTS = "schedules/payments/payments-dev.yaml";
    private static final List<String> TEMPLATE_SCHEDULES = List.of("data-platform-dev", "ml-sandbox",
            "munich-ci-runners", "payments-dev", "search-staging", "support-late-shift");

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-23T07:00:00Z"), ZoneOffset.UTC);
    private final RepositoryReader reader = new RepositoryReader();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private TestGitRepository origin;
    private EmbeddedHubStore hub;

    @BeforeEach
    void setUp() throws Exception {
        origin = TestGitRepository.init(dir.resolve("origin"));
        origin.copyTemplate("schedules").copyTemplate("calendars").copyFromTemplate("accounts.yaml");
        hub = EmbeddedHubStore.open(dir.resolve("hub.mv.db"));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        hub.close();
        origin.close();
    }

    /** One replica: its own clone (fresh local state) and registry, on the shared control store. */
    private Replica replica(String name) {
        GitSource source = new GitSource(new GitSourceConfig().url(origin.dir().toString())
                .localDirectory(dir.resolve(name + "-clone.git")), clock);
        closeables.add(source);
        RecordingRegistry registry = new RecordingRegistry();
        return new Replica(source, registry, new Reconciler(source, reader, registry, hub.control(), clock));
    }

    private record Replica(GitSource source, RecordingRegistry registry, Reconciler reconciler) {
        ReconcileResult reconcile() {
            return reconciler.reconcile();
        }
    }

    private ReconcilerStatus status() {
        return hub.control().status().orElseThrow();
    }

    private static Optional<Condition> condition(ReconcilerStatus status, ConditionType type) {
        return status.conditions().stream().filter(c -> c.type() == type).findFirst();
    }

    private static String label(RevCommit commit) {
        return "main@sha1:" + commit.name();
    }

    @Test
    void appliesAFetchedCommitAndSaysReady() throws Exception {
        RevCommit commit = origin.commit("first schedules");
        Replica replica = replica("a");
        List<Optional<Condition>> reconcilingWhileApplying = new ArrayList<>();
        replica.registry().onRegister = s -> reconcilingWhileApplying.add(condition(status(),
                ConditionType.RECONCILING));

        ReconcileResult result = replica.reconcile();

        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(result.revision()).contains(label(commit));
        assertThat(replica.registry().registered()).containsExactlyElementsOf(TEMPLATE_SCHEDULES);
        ReconcilerStatus status = status();
        assertThat(status.appliedRevision()).isEqualTo(label(commit));
        assertThat(status.lastFetchedRevision()).isEqualTo(label(commit));
        assertThat(condition(status, ConditionType.READY)).hasValueSatisfying(ready -> {
            assertThat(ready.status()).isEqualTo(ConditionStatus.TRUE);
            assertThat(ready.reason()).isEqualTo("Succeeded");
            assertThat(ready.message()).contains(label(commit), "6 added");
        });
        assertThat(condition(status, ConditionType.RECONCILING)).isEmpty();
        assertThat(condition(status, ConditionType.STALLED)).isEmpty();
        assertThat(reconcilingWhileApplying).isNotEmpty().allSatisfy(reconciling -> assertThat(reconciling)
                .hasValueSatisfying(c -> assertThat(c.reason()).isEqualTo("NewRevision")));
    }

    @Test
    void aSecondFetchOfTheSameCommitReadsAndParsesNothing() throws Exception {
        origin.commit("first schedules");
        Replica replica = replica("a");
        replica.reconcile();
        int callsAfterFirst = replica.registry().calls.size();

        ReconcileResult again = replica.reconcile();

        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(replica.source().revisionsRead()).isEqualTo(1);
        assertThat(replica.registry().calls).hasSize(callsAfterFirst);
        assertThat(condition(status(), ConditionType.READY)).map(Condition::status).contains(ConditionStatus.TRUE);
    }

    @Test
    void aBrokenFileKeepsTheLastGoodSchedulesAndNamesFileAndLine() throws Exception {
        RevCommit good = origin.commit("first schedules");
        Replica replica = replica("a");
        replica.reconcile();
        origin.replace(PAYMENTS, "timeZone: Europe/Berlin", "timeZone: Mars/Olympus_Mons");
        RevCommit broken = origin.commit("a time zone that does not exist");

        ReconcileResult refused = replica.reconcile();

        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.running()).contains(label(good));
        assertThat(replica.registry().registered()).containsExactlyElementsOf(TEMPLATE_SCHEDULES);
        assertThat(replica.registry().calls).noneMatch(call -> call.startsWith("deregister"));
        ReconcilerStatus status = status();
        assertThat(status.appliedRevision()).isEqualTo(label(good));
        assertThat(status.lastFetchedRevision()).isEqualTo(label(broken));
        assertThat(status.problems()).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem).matches(PAYMENTS + ":\\d+:\\d+: .+"));
        assertThat(condition(status, ConditionType.READY)).hasValueSatisfying(ready -> {
            assertThat(ready.status()).isEqualTo(ConditionStatus.FALSE);
            assertThat(ready.reason()).isEqualTo("ValidationFailed");
            assertThat(ready.message()).contains("Refused revision " + label(broken), PAYMENTS + ":",
                    "Still running " + label(good));
        });
        assertThat(condition(status, ConditionType.STALLED)).map(Condition::reason).contains("ValidationFailed");

        origin.replace(PAYMENTS, "timeZone: Mars/Olympus_Mons", "timeZone: Europe/Berlin");
        RevCommit fixed = origin.commit("fix the time zone");
        ReconcileResult applied = replica.reconcile();

        assertThat(applied.outcome()).isEqualTo(Outcome.APPLIED);
        ReconcilerStatus after = status();
        assertThat(after.appliedRevision()).isEqualTo(label(fixed));
        assertThat(after.problems()).isEmpty();
        assertThat(condition(after, ConditionType.READY)).map(Condition::status).contains(ConditionStatus.TRUE);
        assertThat(condition(after, ConditionType.STALLED)).isEmpty();
    }

    @Test
    void aFileAboveTheLimitRefusesTheRevisionAndKeepsTheLastGoodOneRunning() throws Exception {
        RevCommit good = origin.commit("first schedules");
        Replica replica = replica("a");
        replica.reconcile();
        origin.write("calendars/huge.yaml", "#".repeat((1 << 20) + 1));
        RevCommit huge = origin.commit("a calendar of more than a mebibyte");

        ReconcileResult refused = replica.reconcile();

        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.running()).contains(label(good));
        assertThat(replica.registry().registered()).containsExactlyElementsOf(TEMPLATE_SCHEDULES);
        ReconcilerStatus status = status();
        assertThat(status.appliedRevision()).isEqualTo(label(good));
        assertThat(status.problems()).containsExactly("calendars/huge.yaml: is 1048577 bytes; schedule, "
                + "calendar and account files must be at most 1048576 bytes");
        assertThat(condition(status, ConditionType.READY)).hasValueSatisfying(ready -> {
            assertThat(ready.status()).isEqualTo(ConditionStatus.FALSE);
            assertThat(ready.message()).contains("Refused revision " + label(huge), "Still running " + label(good));
        });
        assertThat(replica.reconcile().outcome()).as("the refused commit is not read again")
                .isEqualTo(Outcome.UNCHANGED);
        assertThat(replica.source().revisionsRead()).isEqualTo(2);
    }

    @Test
    void aRemovedScheduleIsDeregisteredAndOnlyItIsTouched() throws Exception {
        origin.commit("first schedules");
        Replica replica = replica("a");
        replica.reconcile();
        replica.registry().calls.clear();
        origin.delete(PAYMENTS);
        origin.commit("payments-dev is gone");

        ReconcileResult result = replica.reconcile();

        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(replica.registry().calls).containsExactly("deregister payments-dev");
        assertThat(replica.registry().registered()).doesNotContain("payments-dev").hasSize(5);
    }

    @Test
    void aChangedCalendarReregistersExactlyTheSchedulesThatNameIt() throws Exception {
        origin.commit("first schedules");
        Replica replica = replica("a");
        replica.reconcile();
        List<String> namingCompany = replica.reconciler().running().orElseThrow().catalog().schedules().values()
                .stream().filter(s -> s.calendars().contains("company")).map(s -> "register " + s.name()).toList();
        replica.registry().calls.clear();
        origin.replace("calendars/company.yaml", "2027-12-31", "2027-12-30");
        origin.commit("shutdown moves a day");

        ReconcileResult result = replica.reconcile();

        assertThat(namingCompany).isNotEmpty();
        assertThat(result.changes().changed()).hasSize(namingCompany.size());
        assertThat(replica.registry().calls).containsExactlyInAnyOrderElementsOf(namingCompany);
    }

    @Test
    void aRestartWithABrokenHeadRunsTheLastGoodRevision() throws Exception {
        RevCommit good = origin.commit("first schedules");
        replica("before-restart").reconcile();
        origin.replace(PAYMENTS, "timeZone: Europe/Berlin", "timeZone: Mars/Olympus_Mons");
        RevCommit broken = origin.commit("broken while the service was down");

        Replica restarted = replica("after-restart");
        ReconcileResult result = restarted.reconcile();

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.running()).contains(label(good));
        assertThat(restarted.registry().registered()).containsExactlyElementsOf(TEMPLATE_SCHEDULES);
        ReconcilerStatus status = status();
        assertThat(status.appliedRevision()).isEqualTo(label(good));
        assertThat(condition(status, ConditionType.READY)).map(Condition::message).hasValueSatisfying(m ->
                assertThat(m).contains("Refused revision " + label(broken), "Still running " + label(good)));
    }

    @Test
    void aFirstRevisionThatIsInvalidRunsNothingAndSaysSo() throws Exception {
        origin.replace(PAYMENTS, "timeZone: Europe/Berlin", "timeZone: Mars/Olympus_Mons");
        origin.commit("broken from the start");
        Replica replica = replica("a");

        ReconcileResult result = replica.reconcile();

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.running()).isEmpty();
        assertThat(replica.registry().registered()).isEmpty();
        assertThat(status().appliedRevision()).isNull();
        assertThat(condition(status(), ConditionType.READY)).map(Condition::message)
                .hasValueSatisfying(m -> assertThat(m).contains("No revision is running yet"));
    }

    @Test
    void aFetchFailureKeepsTheLastGoodRevisionRunningAndRecovers() throws Exception {
        RevCommit good = origin.commit("first schedules");
        Replica replica = replica("a");
        replica.reconcile();
        Path moved = dir.resolve("origin-moved");
        Files.move(origin.dir(), moved);

        ReconcileResult failed = replica.reconcile();

        assertThat(failed.outcome()).isEqualTo(Outcome.FETCH_FAILED);
        assertThat(replica.registry().registered()).containsExactlyElementsOf(TEMPLATE_SCHEDULES);
        ReconcilerStatus status = status();
        assertThat(status.appliedRevision()).isEqualTo(label(good));
        assertThat(condition(status, ConditionType.READY)).hasValueSatisfying(ready -> {
            assertThat(ready.status()).isEqualTo(ConditionStatus.FALSE);
            assertThat(ready.reason()).isEqualTo("FetchFailed");
            assertThat(ready.message()).contains("Still running " + label(good));
        });

        Files.move(moved, origin.dir());
        ReconcileResult recovered = replica.reconcile();

        assertThat(recovered.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(replica.source().revisionsRead()).isEqualTo(1);
        assertThat(condition(status(), ConditionType.READY)).map(Condition::reason).contains("Succeeded");
    }
}

package dev.offhours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.work.Action;
import dev.offhours.reconciler.OffhoursConfiguration;
import dev.offhours.reconciler.service.Hub;
import dev.offhours.reconciler.git.TestGitRepository;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.ShiftedClock;
import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule with a reduced evening, end to end on moto: the hub takes an ASG and an EKS node group from full
 * capacity to 30 % at 18:00, to sleep at 18:30, and back at 06:00 to exactly the capacity saved before the evening.
 * The hub runs in real time on a {@link ShiftedClock} from seconds before each transition; between them it is
 * stopped and the clock jumps (a restarted hub acts on what is true now).
 *
 * <p>moto cannot tag node groups (TagResource answers ResourceNotFound), so the node group carries the saved awake
 * capacity from the start, as a first sleep would have left it; the ASG has nothing saved and the first RESIZE saves
 * it.
 */
class ReducedEveningEndToEndTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String SCHEDULE = "e2e-evenings";
    private static final String SPOKE = "210000000001";
    private static final String CLUSTER = "prod";
    private static final Duration PATIENCE = Duration.ofSeconds(100);
    /** How long before a transition a hub starts: time for its first discovery to fill the inventory. */
    private static final Duration LEAD = Duration.ofSeconds(20);
    private static final Instant EVENING = Instant.parse("2026-03-02T18:00:00Z");
    private static final Instant NIGHT = Instant.parse("2026-03-02T18:30:00Z");
    private static final Instant MORNING = Instant.parse("2026-03-03T06:00:00Z");

    @TempDir
    Path dir;

    @Test
    void fullThenThirtyPercentThenAsleepThenExactlyTheSavedCapacity() throws Exception {
        MotoHub.createTables(MOTO.server());
        MotoHub.createAsg(MOTO.server(), SPOKE, "asg-web", 2, 10, 20, SCHEDULE);
        MotoHub.createNodegroup(MOTO.server(), SPOKE, CLUSTER, "ng-web", 2, 10, 20, Map.of(
                OffhoursTags.SCHEDULE, SCHEDULE, OffhoursTags.AWAKE_CAPACITY, "min=2,desired=10,max=20"));
        MotoHub.Queues queues = MotoHub.createQueues(MOTO.server());
        ShiftedClock clock = new ShiftedClock(EVENING.minus(LEAD));
        TestGitRepository repo = TestGitRepository.init(dir.resolve("repo"))
                .write("accounts.yaml", MotoHub.accountsYaml(MOTO.region(), SPOKE))
                .write("schedules/e2e/" + SCHEDULE + ".yaml", """
                        apiVersion: offhours.dev/v1
                        kind: Schedule
                        metadata:
                          name: e2e-evenings
                          owner: team-e2e
                        spec:
                          timeZone: UTC
                          awake:
                            - days: Mon-Sun
                              from: "06:00"
                              to: "18:00"
                            - days: Mon-Sun
                              from: "18:00"
                              to: "18:30"
                              capacity: "30%"
                        """);
        repo.commit("e2e-evenings: 30% from 18:00, asleep from 18:30");
        try {
            List<OperationRecord> resizes = during(clock, queues, "hub-evening", EVENING, 2);
            assertThat(resizes).allSatisfy(r -> {
                assertThat(r.action()).isEqualTo(Action.RESIZE);
                assertThat(r.status()).isEqualTo(OperationStatus.SUCCEEDED);
            });
            assertThat(MotoHub.capacity(MOTO.server(), SPOKE, "asg-web")).containsExactly(2, 3, 20);
            assertThat(MotoHub.nodegroupCapacity(MOTO.server(), SPOKE, CLUSTER, "ng-web")).containsExactly(2, 3, 20);
            assertThat(MotoHub.asgTag(MOTO.server(), SPOKE, "asg-web", OffhoursTags.AWAKE_CAPACITY))
                    .isEqualTo("min=2,desired=10,max=20");

            List<OperationRecord> sleeps = during(clock, queues, "hub-night", NIGHT, 2);
            assertThat(sleeps).extracting(OperationRecord::action).containsOnly(Action.SLEEP);
            assertThat(sleeps).extracting(OperationRecord::status).as(sleeps.toString())
                    .containsOnly(OperationStatus.SUCCEEDED);
            assertThat(MotoHub.capacity(MOTO.server(), SPOKE, "asg-web")).containsExactly(0, 0, 0);
            assertThat(MotoHub.nodegroupCapacity(MOTO.server(), SPOKE, CLUSTER, "ng-web")).containsExactly(0, 0, 1);
            assertThat(MotoHub.asgTag(MOTO.server(), SPOKE, "asg-web", OffhoursTags.AWAKE_CAPACITY))
                    .as("the sleep after the reduced evening keeps the saved capacity")
                    .isEqualTo("min=2,desired=10,max=20");

            List<OperationRecord> wakes = during(clock, queues, "hub-morning", MORNING, 2);
            assertThat(wakes).extracting(OperationRecord::action).containsOnly(Action.WAKE);
            assertThat(MotoHub.capacity(MOTO.server(), SPOKE, "asg-web")).containsExactly(2, 10, 20);
            assertThat(MotoHub.nodegroupCapacity(MOTO.server(), SPOKE, CLUSTER, "ng-web"))
                    .containsExactly(2, 10, 20);
        } finally {
            repo.close();
        }
    }

    /**
     * Starts a hub {@link #LEAD} before {@code transition}, runs it until the transition's {@code expected} records
     * are final, then stops it.
     */
    private List<OperationRecord> during(ShiftedClock clock, MotoHub.Queues queues, String clone, Instant transition,
            int expected) throws Exception {
        clock.jumpTo(transition.minus(LEAD));
        OffhoursConfiguration config = MotoHub.config(MOTO.server(), queues, dir.resolve("repo"), dir.resolve(clone));
        DropwizardTestSupport<OffhoursConfiguration> app = MotoHub.start(config, clock);
        try {
            Hub hub = MotoHub.hub(app);
            return MotoHub.await(expected + " final records at " + transition, PATIENCE, () -> {
                List<OperationRecord> records = hub.stores().history()
                        .byTransition(SCHEDULE, transition, null, 100).items();
                return records.size() == expected && records.stream().allMatch(r -> r.status().isFinal())
                        ? Optional.of(records) : Optional.empty();
            });
        } finally {
            app.after();
        }
    }
}

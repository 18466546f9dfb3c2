package dev.offhours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.Condition;
import dev.offhours.core.port.ConditionStatus;
import dev.offhours.core.port.ConditionType;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.ReconcilerStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.work.Action;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offhours.core.notify.HubSignals;
import dev.offhours.reconciler.OffhoursConfiguration;
import dev.offhours.reconciler.service.Hub;
import dev.offhours.reconciler.notify.NotificationsConfig;
import java.util.ArrayList;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import dev.offhours.reconciler.git.FetchedHead;
import dev.offhours.reconciler.git.TestGitRepository;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.ShiftedClock;
import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hub service end to end on moto (DynamoDB, SQS, STS, Auto Scaling in separate spoke accounts) with a real Git
 * repository, on a {@link ShiftedClock}: the hub runs in real time from a few seconds before the 18:00 sleep, and a
 * test makes the night pass by jumping the clock.
 */
class HubEndToEndTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String SCHEDULE = "e2e-office";
    private static final String SPOKE_1 = "210000000001";
    private static final String SPOKE_2 = "210000000002";
    private static final Duration PATIENCE = Duration.ofSeconds(100);
    private static final Instant SLEEP_AT = Instant.parse("2026-03-02T18:00:00Z");
    private static final String NOTIFICATIONS_BUS = "e2e-hub";

    @TempDir
    Path dir;

    @Test
    void aCommittedScheduleSleepsItsTargetsAndABrokenCommitKeepsTheLastGoodOneRunning() throws Exception {
        MotoHub.Queues queues = fleetAndQueues();
        Instant sleepAt = SLEEP_AT;
        ShiftedClock clock = new ShiftedClock(sleepAt.minusSeconds(8));
        TestGitRepository repo = TestGitRepository.init(dir.resolve("repo"))
                .write("accounts.yaml", MotoHub.accountsYaml(MOTO.region(), SPOKE_1, SPOKE_2))
                .write("schedules/e2e/" + SCHEDULE + ".yaml",
                        MotoHub.scheduleYaml(SCHEDULE, sleepAt, sleepAt.plus(Duration.ofMinutes(30))));
        RevCommit good = repo.commit("e2e-office sleeps in a few seconds");
        DropwizardTestSupport<OffhoursConfiguration> app = MotoHub.start(config(queues, "clone"), clock);
        try {
            Hub hub = MotoHub.hub(app);
            List<OperationRecord> sleeps = await("3 succeeded sleeps", () -> finalRecords(hub, sleepAt, 3));
            assertThat(sleeps).allSatisfy(r -> {
                assertThat(r.action()).isEqualTo(Action.SLEEP);
                assertThat(r.status()).isEqualTo(OperationStatus.SUCCEEDED);
            });
            assertThat(MotoHub.capacity(MOTO.server(), SPOKE_1, "asg-a")).containsExactly(0, 0, 0);
            assertThat(MotoHub.capacity(MOTO.server(), SPOKE_2, "asg-c")).containsExactly(0, 0, 0);

            repo.write("schedules/e2e/broken.yaml", """
                    apiVersion: offhours.dev/v1
                    kind: Schedule
                    metadata:
                      name: broken
                      owner: team-e2e
                    spec:
                      timeZone: Mars/Olympus_Mons
                      awake:
                        - days: Mon-Fri
                          from: "08:00"
                          to: "18:00"
                    """);
            RevCommit broken = repo.commit("a broken schedule on main");
            ReconcilerStatus refused = awaitStatusOf(hub, broken);
            Condition ready = ready(refused);
            assertThat(ready.status()).isEqualTo(ConditionStatus.FALSE);
            assertThat(ready.reason()).isEqualTo("ValidationFailed");
            assertThat(ready.message()).contains("schedules/e2e/broken.yaml:7");
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p).startsWith("schedules/e2e/broken.yaml:7"));
            assertThat(refused.appliedRevision()).isEqualTo(FetchedHead.label("main", good.name()));
            assertThat(hub.registry().registered()).containsExactly(SCHEDULE);
            // the status API on Lambda reads the applied catalog from here: still the last good revision
            assertThat(hub.stores().catalogs().current().orElseThrow().revision())
                    .isEqualTo(FetchedHead.label("main", good.name()));

            repo.delete("schedules/e2e/broken.yaml");
            RevCommit fixed = repo.commit("remove the broken schedule");
            ReconcilerStatus accepted = awaitStatusOf(hub, fixed);
            assertThat(ready(accepted).status()).isEqualTo(ConditionStatus.TRUE);
            assertThat(accepted.appliedRevision()).isEqualTo(FetchedHead.label("main", fixed.name()));
            assertThat(accepted.problems()).isEmpty();
            var snapshot = hub.stores().catalogs().current().orElseThrow();
            assertThat(snapshot.revision()).isEqualTo(accepted.appliedRevision());
            assertThat(snapshot.files()).noneSatisfy(f -> assertThat(f.path()).contains("broken"));
        } finally {
            app.after();
            repo.close();
        }
    }

    @Test
    void twoReplicasSendEachIntentOnceAndARestartActsOnlyOnWhatIsTrueNow() throws Exception {
        MotoHub.Queues queues = fleetAndQueues();
        Instant sleepAt = SLEEP_AT;
        ShiftedClock clock = new ShiftedClock(sleepAt.minusSeconds(15));
        Instant wakeAt = sleepAt.plus(Duration.ofMinutes(1));
        TestGitRepository repo = TestGitRepository.init(dir.resolve("repo"))
                .write("accounts.yaml", MotoHub.accountsYaml(MOTO.region(), SPOKE_1, SPOKE_2))
                .write("schedules/e2e/" + SCHEDULE + ".yaml", MotoHub.scheduleYaml(SCHEDULE, sleepAt, wakeAt));
        repo.commit("e2e-office: asleep for one minute");
        String finished = routeFinishedTransitionsToAQueue();
        DropwizardTestSupport<OffhoursConfiguration> a = MotoHub.start(notifying(config(queues, "clone-a")), clock);
        DropwizardTestSupport<OffhoursConfiguration> b = MotoHub.start(notifying(config(queues, "clone-b")), clock);
        Hub hubA = MotoHub.hub(a);
        Hub hubB = MotoHub.hub(b);
        try {
            await("3 succeeded sleeps", () -> finalRecords(hubA, sleepAt, 3));
            // the sleep's 3 items, sent by one replica (the intent found at start met an inventory that discovery had
            // not filled yet, so it sent nothing)
            long received = await("the replicas received the sleep's items", () -> {
                long total = received(hubA) + received(hubB);
                return total >= 3 ? Optional.of(total) : Optional.empty();
            });
            assertThat(received).as("work items received by both replicas").isEqualTo(3);
            List<JsonNode> sleepEvent = await("the sleep's finished-transition event", () -> events(finished, 1));
            assertThat(sleepEvent.get(0).get("detail").get("desiredState").asText()).isEqualTo("ASLEEP");
            assertThat(sleepEvent.get(0).get("detail").get("counts").get("converged").asInt()).isEqualTo(3);
        } finally {
            a.after();
            b.after();
        }
        try (CloudWatchClient cloudWatch = MOTO.server().client(CloudWatchClient.builder())) {
            // each replica sends the alarm metrics once more when it stops
            assertThat(cloudWatch.listMetrics(m -> m.namespace(HubSignals.NAMESPACE)).metrics())
                    .extracting(Metric::metricName).contains(HubSignals.OPERATIONS_FAILED,
                            HubSignals.SCHEDULES_NOT_CONVERGED, HubSignals.ACCOUNTS_DEGRADED);
        }

        clock.jumpTo(wakeAt.plusSeconds(3)); // the wake passes while no replica runs
        DropwizardTestSupport<OffhoursConfiguration> c = MotoHub.start(notifying(config(queues, "clone-c")), clock);
        try {
            Hub hubC = MotoHub.hub(c);
            List<OperationRecord> wakes = await("3 succeeded wakes", () -> finalRecords(hubC, wakeAt, 3));
            assertThat(wakes).allSatisfy(r -> assertThat(r.action()).isEqualTo(Action.WAKE));
            assertThat(intent(hubC)).get().satisfies(intent -> {
                assertThat(intent.since()).isEqualTo(wakeAt);
                assertThat(intent.lease().owner()).isEqualTo(hubC.owner());
            });
            await("the restarted hub received the wake's items", () ->
                    received(hubC) >= 3 ? Optional.of(true) : Optional.empty());
            assertThat(received(hubC)).as("only what is true now is sent after the restart").isEqualTo(3);
            assertThat(finalRecords(hubC, sleepAt, 3)).as("the sleep is not replayed").isPresent();
            assertThat(MotoHub.capacity(MOTO.server(), SPOKE_1, "asg-a")).containsExactly(1, 2, 4);
            assertThat(MotoHub.capacity(MOTO.server(), SPOKE_2, "asg-b")).containsExactly(2, 3, 5);
            List<JsonNode> wakeEvent = await("the wake's finished-transition event", () -> events(finished, 1));
            assertThat(wakeEvent.get(0).get("detail").get("desiredState").asText()).isEqualTo("AWAKE");
        } finally {
            c.after();
            repo.close();
        }
        assertThat(events(finished, 0)).as("one event per intent, whatever the replicas and the restart").isPresent();
    }

    private OffhoursConfiguration notifying(OffhoursConfiguration config) {
        return config.notifications(new NotificationsConfig().metrics(true, Duration.ofSeconds(10))
                .eventBusName(NOTIFICATIONS_BUS));
    }

    /** The hub bus and a rule that sends every finished transition to a queue; returns the queue's URL. */
    private static String routeFinishedTransitionsToAQueue() {
        try (EventBridgeClient events = MOTO.server().client(EventBridgeClient.builder());
             SqsClient sqs = MOTO.server().client(SqsClient.builder())) {
            String url = sqs.createQueue(q -> q.queueName("e2e-finished-transitions")).queueUrl();
            String arn = sqs.getQueueAttributes(q -> q.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            events.createEventBus(e -> e.name(NOTIFICATIONS_BUS));
            events.putRule(r -> r.name("finished").eventBusName(NOTIFICATIONS_BUS).eventPattern("{\"source\":[\""
                    + HubSignals.EVENT_SOURCE + "\"],\"detail-type\":[\"" + HubSignals.TRANSITION_FINISHED + "\"]}"));
            events.putTargets(t -> t.rule("finished").eventBusName(NOTIFICATIONS_BUS)
                    .targets(target -> target.id("queue").arn(arn)));
            return url;
        }
    }

    /** The events on the queue now (taken off it), when there are exactly {@code expected}. */
    private static Optional<List<JsonNode>> events(String queueUrl, int expected) {
        try (SqsClient sqs = MOTO.server().client(SqsClient.builder())) {
            List<JsonNode> events = new ArrayList<>();
            for (Message message : sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages()) {
                events.add(new ObjectMapper().readTree(message.body()));
                sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            if (events.size() > expected) {
                throw new AssertionError("more finished-transition events than expected: " + events);
            }
            return events.size() == expected ? Optional.of(events) : Optional.empty();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aKeepAwakePushedSecondsAfterTheSleepWakesTheTargetsAgain() throws Exception {
        MotoHub.Queues queues = fleetAndQueues();
        Instant sleepAt = SLEEP_AT;
        ShiftedClock clock = new ShiftedClock(sleepAt.minusSeconds(10));
        TestGitRepository repo = TestGitRepository.init(dir.resolve("repo"))
                .write("accounts.yaml", MotoHub.accountsYaml(MOTO.region(), SPOKE_1, SPOKE_2))
                .write("schedules/e2e/" + SCHEDULE + ".yaml",
                        MotoHub.scheduleYaml(SCHEDULE, sleepAt, sleepAt.plus(Duration.ofMinutes(30))));
        repo.commit("e2e-office sleeps in a few seconds");
        DropwizardTestSupport<OffhoursConfiguration> app = MotoHub.start(config(queues, "clone"), clock);
        try {
            Hub hub = MotoHub.hub(app);
            await("3 succeeded sleeps", () -> finalRecords(hub, sleepAt, 3));
            assertThat(MotoHub.capacity(MOTO.server(), SPOKE_1, "asg-a")).containsExactly(0, 0, 0);

            String keepAwake = MotoHub.scheduleYaml(SCHEDULE, sleepAt, sleepAt.plus(Duration.ofMinutes(30)))
                    + "  keepAwake:\n    - until: \"" + sleepAt.plus(Duration.ofHours(2)) + "\"\n"
                    + "      reason: release night\n";
            repo.write("schedules/e2e/" + SCHEDULE + ".yaml", keepAwake);
            repo.commit("keep e2e-office awake for the release");
            hub.reconcileLoop().wake();

            ScheduleIntent awake = await("an awake intent after the keepAwake", () -> intent(hub)
                    .filter(i -> i.state() == PowerState.AWAKE));
            assertThat(awake.since()).isAfter(sleepAt);
            assertThat(awake.reason()).isEqualTo(ScheduleIntent.SCHEDULE_CHANGED);
            await("3 succeeded wakes", () -> finalRecords(hub, awake.since(), 3));
            assertThat(MotoHub.capacity(MOTO.server(), SPOKE_1, "asg-a")).containsExactly(1, 2, 4);
            assertThat(MotoHub.capacity(MOTO.server(), SPOKE_2, "asg-b")).containsExactly(2, 3, 5);
        } finally {
            app.after();
            repo.close();
        }
    }

    private MotoHub.Queues fleetAndQueues() {
        MotoHub.createTables(MOTO.server());
        MotoHub.createAsg(MOTO.server(), SPOKE_1, "asg-a", 1, 2, 4, SCHEDULE);
        MotoHub.createAsg(MOTO.server(), SPOKE_2, "asg-b", 2, 3, 5, SCHEDULE);
        MotoHub.createAsg(MOTO.server(), SPOKE_2, "asg-c", 1, 1, 1, SCHEDULE);
        return MotoHub.createQueues(MOTO.server());
    }

    private OffhoursConfiguration config(MotoHub.Queues queues, String clone) {
        return MotoHub.config(MOTO.server(), queues, dir.resolve("repo"), dir.resolve(clone));
    }

    private static Optional<List<OperationRecord>> finalRecords(Hub hub, Instant transition, int expected) {
        List<OperationRecord> records = hub.stores().history().byTransition(SCHEDULE, transition, null, 100).items();
        return records.size() == expected && records.stream().allMatch(r -> r.status().isFinal())
                ? Optional.of(records) : Optional.empty();
    }

    private static Optional<ScheduleIntent> intent(Hub hub) {
        return hub.stores().control().intent(SCHEDULE);
    }

    private static long received(Hub hub) {
        return hub.pool().orElseThrow().metrics().itemsReceived();
    }

    private static Condition ready(ReconcilerStatus status) {
        return status.conditions().stream().filter(c -> c.type() == ConditionType.READY).findFirst().orElseThrow();
    }

    private static ReconcilerStatus awaitStatusOf(Hub hub, RevCommit commit) throws InterruptedException {
        String label = FetchedHead.label("main", commit.name());
        hub.reconcileLoop().wake();
        return await("the status of " + label, () -> hub.stores().control().status()
                .filter(s -> label.equals(s.lastFetchedRevision()))
                .filter(s -> s.conditions().stream().noneMatch(c -> c.type() == ConditionType.RECONCILING)));
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        return MotoHub.await(what, PATIENCE, probe);
    }
}

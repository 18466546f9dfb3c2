package dev.offhours.reconciler.dispatch;

import static dev.offhours.reconciler.dispatch.DispatchFixtures.DEV;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.OTHER;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.PROD;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.REVISION;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.addTargets;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.drain;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.item;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.office;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItem;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.testsupport.ElasticMqExtension;
import dev.offhours.testsupport.EmbeddedElasticMq;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sqs.SqsClient;

@ExtendWith(ElasticMqExtension.class)
class DispatcherTest {

    private static final Instant SLEEP_AT = Instant.parse("2026-03-02T18:00:00Z");
    private static final Clock CLOCK = Clock.fixed(SLEEP_AT.plusSeconds(1), ZoneOffset.UTC);

    private final SqsClient sqs;
    private final String queueUrl;
    private EmbeddedHubStore hub;
    private SqsWorkQueue queue;

    DispatcherTest(EmbeddedElasticMq mq, SqsClient sqs) {
        this.sqs = sqs;
        this.queueUrl = mq.createQueue("dispatch", Map.of());
    }

    @BeforeEach
    void open(@TempDir Path dir) {
        hub = EmbeddedHubStore.open(dir.resolve("hub.mv"));
        queue = new SqsWorkQueue(sqs, queueUrl);
    }

    @AfterEach
    void close() {
        queue.close();
        hub.close();
    }

    private Dispatcher dispatcher(String owner) {
        return new Dispatcher(hub.control(), hub.inventory(), queue, CLOCK, owner);
    }

    @ParameterizedTest
    @CsvSource({"ASLEEP, SLEEP", "AWAKE, WAKE"})
    void sendsOneDecodableWorkItemPerTargetInScope(PowerState state, Action action) {
        Schedule schedule = office("web", new Scope(List.of("group:team"), List.of("eu-west-1")));
        Target prod = Target.asg(PROD, "eu-west-1", "web-prod");
        Target dev = Target.nodegroup(DEV, "eu-west-1", "main", "ng-1");
        Target otherAccount = Target.asg(OTHER, "eu-west-1", "web-other");
        Target otherRegion = Target.asg(PROD, "us-east-1", "web-us");
        for (Target target : List.of(prod, dev, otherAccount, otherRegion)) {
            hub.inventory().upsert(item("web", target, TargetState.UNKNOWN));
        }

        DispatchResult result = dispatcher("replica-a").dispatch(schedule, SLEEP_AT, state, REVISION);

        List<WorkItem> items = drain(sqs, queueUrl);
        assertThat(items).extracting(WorkItem::target).containsExactlyInAnyOrder(prod, dev);
        assertThat(items).allSatisfy(item -> {
            assertThat(item.action()).isEqualTo(action);
            assertThat(item.schedule()).isEqualTo("web");
            assertThat(item.transition()).isEqualTo(SLEEP_AT);
            assertThat(item.revision()).isEqualTo("main@sha1:abc123");
            assertThat(item.asleep()).isEqualTo(DispatchFixtures.ASLEEP);
            assertThat(item.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        });
        assertThat(items).extracting(WorkItem::traceparent).containsOnly(items.get(0).traceparent());
        assertThat(result.outcome()).isEqualTo(DispatchResult.Outcome.DISPATCHED);
        assertThat(result.itemsRead()).isEqualTo(4);
        assertThat(hub.control().latestDispatch("web")).hasValueSatisfying(latest -> {
            assertThat(latest.transition()).isEqualTo(SLEEP_AT);
            assertThat(latest.count()).isEqualTo(2);
        });
    }

    @Test
    void aSecondReplicaFiringTheSameTransitionSendsNothing() {
        Schedule schedule = office("api", Scope.EVERYWHERE);
        addTargets(hub.inventory(), "api", 3, TargetState.AWAKE);

        DispatchResult first = dispatcher("replica-a").dispatch(schedule, SLEEP_AT, PowerState.ASLEEP, REVISION);
        DispatchResult second = dispatcher("replica-b").dispatch(schedule, SLEEP_AT, PowerState.ASLEEP, REVISION);

        assertThat(drain(sqs, queueUrl)).hasSize(3);
        assertThat(first.sent()).isEqualTo(3);
        assertThat(second.outcome()).isEqualTo(DispatchResult.Outcome.CLAIMED_ELSEWHERE);
        assertThat(second.detail()).contains("replica-a");
    }

    @Test
    void aSuspendedScheduleDispatchesAndClaimsNothing() {
        Schedule schedule = DispatchFixtures.schedule("batch", java.time.ZoneId.of("UTC"), java.time.LocalTime.of(8, 0),
                java.time.LocalTime.of(18, 0), Scope.EVERYWHERE, true, false);
        addTargets(hub.inventory(), "batch", 2, TargetState.AWAKE);

        DispatchResult result = dispatcher("replica-a").dispatch(schedule, SLEEP_AT, PowerState.ASLEEP, REVISION);

        assertThat(result.outcome()).isEqualTo(DispatchResult.Outcome.SUSPENDED);
        assertThat(result.detail()).contains("suspend");
        assertThat(drain(sqs, queueUrl)).isEmpty();
        assertThat(hub.control().claimOf("batch", SLEEP_AT)).isEmpty();
    }

    @Test
    void removalWakesEveryTargetNotKnownToBeAwake() {
        Schedule schedule = office("jobs", Scope.EVERYWHERE);
        hub.inventory().upsert(item("jobs", Target.asg(PROD, "eu-west-1", "jobs-awake"), TargetState.AWAKE));
        Target asleep = Target.asg(PROD, "eu-west-1", "jobs-asleep");
        Target unknown = Target.asg(PROD, "eu-west-1", "jobs-unknown");
        hub.inventory().upsert(item("jobs", asleep, TargetState.ASLEEP));
        hub.inventory().upsert(item("jobs", unknown, TargetState.UNKNOWN));

        DispatchResult result = dispatcher("replica-a").wakeRemoved(schedule, SLEEP_AT.plusSeconds(42), REVISION);
        DispatchResult again = dispatcher("replica-b").wakeRemoved(schedule, SLEEP_AT.plusSeconds(50), REVISION);

        List<WorkItem> items = drain(sqs, queueUrl);
        assertThat(items).extracting(WorkItem::target).containsExactlyInAnyOrder(asleep, unknown);
        assertThat(items).extracting(WorkItem::action).containsOnly(Action.WAKE);
        assertThat(result.sent()).isEqualTo(2);
        assertThat(again.outcome()).isEqualTo(DispatchResult.Outcome.CLAIMED_ELSEWHERE);
    }

    @Test
    void readsTheInventoryPageByPage() {
        Schedule schedule = office("paged", Scope.EVERYWHERE);
        addTargets(hub.inventory(), "paged", 5, TargetState.AWAKE);
        Dispatcher smallPages = new Dispatcher(hub.control(), hub.inventory(), queue, CLOCK, "replica-a", 2);

        DispatchResult result = smallPages.dispatch(schedule, SLEEP_AT, PowerState.ASLEEP, REVISION);

        assertThat(result.pagesRead()).isEqualTo(3);
        assertThat(drain(sqs, queueUrl)).hasSize(5);
    }
}

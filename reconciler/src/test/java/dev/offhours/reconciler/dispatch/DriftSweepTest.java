package dev.offhours.reconciler.dispatch;

import static dev.offhours.reconciler.dispatch.DispatchFixtures.PROD;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.REVISION;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.drain;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.calendar.HolidaySource;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import dev.offhours.core.time.Timeline;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItem;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.testsupport.ElasticMqExtension;
import dev.offhours.testsupport.EmbeddedElasticMq;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sqs.SqsClient;

@ExtendWith(ElasticMqExtension.class)
class DriftSweepTest {

    /** Awake 08:00-18:00 UTC every day; the sweeps below run in the evening, when it wants targets asleep. */
    private static final Instant SLEPT_AT = Instant.parse("2026-03-02T18:00:00Z");

    @ParameterizedTest(name = "[{index}] enforce={0}, {1} after the sleep: {2} item(s)")
    @CsvSource({
        "true,  PT20M, 1",   // only the target that woke up again gets a SLEEP
        "true,  PT2M,  0",   // within the settle time the transition's own items are still in flight
        "false, PT20M, 0",   // without enforce nothing is swept
    })
    void sweepsOnlyDriftedTargetsOfEnforcingSchedules(boolean enforce, Duration after, int expected,
            @TempDir Path dir, EmbeddedElasticMq mq, SqsClient sqs) {
        String queueUrl = mq.createQueue("sweep", Map.of());
        Schedule schedule = DispatchFixtures.schedule("night", ZoneId.of("UTC"), LocalTime.of(8, 0),
                LocalTime.of(18, 0), Scope.EVERYWHERE, false, enforce);
        Instant now = SLEPT_AT.plus(after);
        Target drifted = Target.asg(PROD, "eu-west-1", "woke-up");
        try (EmbeddedHubStore hub = EmbeddedHubStore.open(dir.resolve("hub.mv"));
             SqsWorkQueue queue = new SqsWorkQueue(sqs, queueUrl)) {
            hub.inventory().upsert(item("night", drifted, TargetState.AWAKE));
            hub.inventory().upsert(item("night", Target.asg(PROD, "eu-west-1", "asleep"), TargetState.ASLEEP));
            hub.inventory().upsert(item("night", Target.asg(PROD, "eu-west-1", "unknown"), TargetState.UNKNOWN));
            List<ScheduledTimeline> schedules = List.of(
                    new ScheduledTimeline(schedule, Timeline.of(schedule, HolidaySource.none())));

            sweep(hub, queue, now, "replica-a").run(schedules, now);
            List<DispatchResult> second = sweep(hub, queue, now.plusSeconds(30), "replica-b")
                    .run(schedules, now.plusSeconds(30));

            List<WorkItem> items = drain(sqs, queueUrl);
            assertThat(items).hasSize(expected);
            assertThat(items).allSatisfy(item -> {
                assertThat(item.target()).isEqualTo(drifted);
                assertThat(item.action()).isEqualTo(Action.SLEEP);
            });
            assertThat(second).allSatisfy(result ->
                    assertThat(result.outcome()).isEqualTo(DispatchResult.Outcome.CLAIMED_ELSEWHERE));
        }
    }

    private static DriftSweep sweep(EmbeddedHubStore hub, SqsWorkQueue queue, Instant now, String owner) {
        Dispatcher dispatcher = new Dispatcher(hub.control(), hub.inventory(), queue,
                Clock.fixed(now, ZoneOffset.UTC), owner);
        return new DriftSweep(dispatcher, () -> REVISION, Duration.ofMinutes(5), Duration.ofMinutes(5));
    }
}

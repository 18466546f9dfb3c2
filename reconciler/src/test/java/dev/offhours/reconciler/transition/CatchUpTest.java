package dev.offhours.reconciler.transition;

import static dev.offhours.reconciler.dispatch.DispatchFixtures.REVISION;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.addTargets;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.drain;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.office;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.calendar.HolidaySource;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import dev.offhours.core.time.Timeline;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.WorkItem;
import dev.offhours.reconciler.dispatch.Dispatcher;
import dev.offhours.reconciler.dispatch.SqsWorkQueue;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.testsupport.ElasticMqExtension;
import dev.offhours.testsupport.EmbeddedElasticMq;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Level, not edge: the office schedule is awake Mon-Fri 07:30-19:00 Europe/Paris (06:30Z-18:00Z in early March
 * 2026; 2026-03-02 is a Monday). The hub last dispatched {@code latest}, went away, and is back at {@code backAt}.
 */
@ExtendWith(ElasticMqExtension.class)
class CatchUpTest {

    private static final int TARGETS = 3;

    @ParameterizedTest(name = "[{index}] {0}: latest {1}, back {2} -> {3} {4}")
    @CsvSource({
        "down at 19:00 back 19:20,        2026-03-02T06:30:00Z, 2026-03-02T18:20:00Z, 2026-03-02T18:00:00Z, SLEEP",
        "down all night back 08:00,       2026-03-02T06:30:00Z, 2026-03-03T07:00:00Z, 2026-03-03T06:30:00Z, WAKE",
        "down the weekend back Mon 08:00, 2026-03-06T06:30:00Z, 2026-03-09T07:00:00Z, 2026-03-09T06:30:00Z, WAKE",
        "never dispatched before,         ,                     2026-03-02T10:00:00Z, 2026-03-02T06:30:00Z, WAKE",
        "nothing missed,                  2026-03-02T18:00:00Z, 2026-03-02T18:20:00Z, ,                     ",
    })
    void dispatchesTheLatestMissedTransitionOnceAndNothingOlder(String story, Instant latest, Instant backAt,
            Instant expectedTransition, Action expectedAction, @TempDir Path dir, EmbeddedElasticMq mq,
            SqsClient sqs) {
        String queueUrl = mq.createQueue("catch-up", Map.of());
        Schedule schedule = office("office", Scope.EVERYWHERE);
        try (EmbeddedHubStore hub = EmbeddedHubStore.open(dir.resolve("hub.mv"));
             SqsWorkQueue queue = new SqsWorkQueue(sqs, queueUrl)) {
            addTargets(hub.inventory(), "office", TARGETS, TargetState.UNKNOWN);
            if (latest != null) {
                hub.control().claim("office", latest, "hub-before-the-outage", latest);
                hub.control().recordDispatch("office", latest, TARGETS, latest);
            }
            Clock clock = Clock.fixed(backAt, ZoneOffset.UTC);
            Dispatcher dispatcher = new Dispatcher(hub.control(), hub.inventory(), queue, clock, "hub-after");
            try (QuartzTransitionRegistry registry = new QuartzTransitionRegistry(dispatcher, hub.control(),
                    () -> REVISION, clock, QuartzTransitionRegistry.Settings.defaults())) {
                registry.register(schedule, Timeline.of(schedule, HolidaySource.none()));

                List<String> due = registry.dueForCatchUp(backAt);
                registry.fireNow("office");
                registry.fireNow("office"); // a second check (next minute, another trigger) replays nothing

                List<WorkItem> items = drain(sqs, queueUrl);
                if (expectedTransition == null) {
                    assertThat(due).isEmpty();
                    assertThat(items).isEmpty();
                } else {
                    assertThat(due).containsExactly("office");
                    assertThat(items).hasSize(TARGETS).allSatisfy(item -> {
                        assertThat(item.transition()).isEqualTo(expectedTransition);
                        assertThat(item.action()).isEqualTo(expectedAction);
                    });
                    assertThat(registry.dueForCatchUp(backAt)).isEmpty();
                }
            }
        }
    }
}

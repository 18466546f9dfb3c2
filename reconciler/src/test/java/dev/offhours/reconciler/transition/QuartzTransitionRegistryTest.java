package dev.offhours.reconciler.transition;

import static dev.offhours.reconciler.dispatch.DispatchFixtures.REVISION;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.addTargets;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.drain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.calendar.HolidaySource;
import dev.offhours.core.port.DispatchedTransition;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import dev.offhours.core.time.Timeline;
import dev.offhours.core.time.Transition;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItem;
import dev.offhours.reconciler.dispatch.DispatchFixtures;
import dev.offhours.reconciler.dispatch.Dispatcher;
import dev.offhours.reconciler.dispatch.SqsWorkQueue;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.testsupport.ElasticMqExtension;
import dev.offhours.testsupport.EmbeddedElasticMq;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Quartz wiring on the real clock: schedules get a transition a few seconds ahead (the calculus accepts
 * second-precision periods even though schedule files use minutes).
 */
@ExtendWith(ElasticMqExtension.class)
class QuartzTransitionRegistryTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final int TARGETS = 4;

    private final SqsClient sqs;
    private final String queueUrl;
    private EmbeddedHubStore hub;
    private SqsWorkQueue queue;

    QuartzTransitionRegistryTest(EmbeddedElasticMq mq, SqsClient sqs) {
        this.sqs = sqs;
        this.queueUrl = mq.createQueue("transitions", Map.of());
    }

    @BeforeEach
    void open(@TempDir Path dir) {
        hub = EmbeddedHubStore.open(dir.resolve("hub.mv"));
        queue = new SqsWorkQueue(sqs, queueUrl);
        addTargets(hub.inventory(), "soon", TARGETS, TargetState.ASLEEP);
    }

    @AfterEach
    void close() {
        queue.close();
        hub.close();
    }

    @Test
    void aTransitionSecondsAheadFiresAndEnqueuesOneWorkItemPerTarget() {
        Instant wakeAt = CLOCK.instant().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        Schedule schedule = wakingAt("soon", wakeAt);
        try (QuartzTransitionRegistry registry = registry("replica-a")) {
            registry.start();
            registry.register(schedule, timeline(schedule));

            awaitDispatched("soon", wakeAt);

            List<WorkItem> items = drain(sqs, queueUrl);
            assertThat(items).hasSize(TARGETS).allSatisfy(item -> {
                assertThat(item.action()).isEqualTo(Action.WAKE);
                assertThat(item.transition()).isEqualTo(wakeAt);
            });
            await(() -> registry.nextFire("soon").equals(java.util.Optional.of(wakeAt.plus(Duration.ofMinutes(30)))),
                    "the trigger moves on to the next transition (the sleep 30 minutes later)");
        }
    }

    @Test
    void twoReplicasOnTheSameTablesDispatchATransitionOnce() {
        Instant wakeAt = CLOCK.instant().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        Schedule schedule = wakingAt("soon", wakeAt);
        Instant sleepAt = wakeAt.plus(Duration.ofMinutes(30));
        try (QuartzTransitionRegistry a = registry("replica-a"); QuartzTransitionRegistry b = registry("replica-b")) {
            a.start();
            b.start();
            a.register(schedule, timeline(schedule));
            b.register(schedule, timeline(schedule));

            await(() -> a.nextFire("soon").equals(java.util.Optional.of(sleepAt))
                    && b.nextFire("soon").equals(java.util.Optional.of(sleepAt)), "both replicas fired");

            assertThat(drain(sqs, queueUrl)).hasSize(TARGETS);
            assertThat(hub.control().claimOf("soon", wakeAt)).hasValueSatisfying(claim ->
                    assertThat(claim.dispatchedCount()).isEqualTo(TARGETS));
        }
    }

    @Test
    void aRestartAfterAMissedTransitionDispatchesItOnce() throws InterruptedException {
        Instant wakeAt = CLOCK.instant().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        Schedule schedule = wakingAt("soon", wakeAt);
        try (QuartzTransitionRegistry before = registry("hub-before")) {
            before.register(schedule, timeline(schedule));
        } // the hub goes down before the transition
        Thread.sleep(Math.max(0, Duration.between(CLOCK.instant(), wakeAt).toMillis()) + 500);

        try (QuartzTransitionRegistry after = registry("hub-after")) {
            after.register(schedule, timeline(schedule));
            after.start();

            awaitDispatched("soon", wakeAt);
            after.fireNow("soon"); // another look replays nothing

            List<WorkItem> items = drain(sqs, queueUrl);
            assertThat(items).hasSize(TARGETS).extracting(WorkItem::action).containsOnly(Action.WAKE);
            assertThat(after.dueForCatchUp(CLOCK.instant())).isEmpty();
        }
    }

    @Test
    void aChangedScheduleThatWantsAnotherStateNowAppliesItAtOnce() {
        Instant now = CLOCK.instant();
        Schedule alwaysAwake = DispatchFixtures.schedule("soon", ZoneOffset.UTC, LocalTime.MIDNIGHT,
                LocalTime.MIDNIGHT, Scope.EVERYWHERE, false, false);
        LocalTime later = LocalTime.ofInstant(now.plus(Duration.ofHours(2)), ZoneOffset.UTC);
        Schedule asleepNow = DispatchFixtures.schedule("soon", ZoneOffset.UTC, later, later.plusHours(1),
                Scope.EVERYWHERE, false, false);
        recordLatestAsDispatched(asleepNow, now);
        try (QuartzTransitionRegistry registry = registry("replica-a")) {
            registry.start();
            registry.register(alwaysAwake, timeline(alwaysAwake));
            registry.register(asleepNow, timeline(asleepNow));

            await(() -> hub.control().latestDispatch("soon").map(DispatchedTransition::transition)
                    .filter(at -> !at.isBefore(now.truncatedTo(ChronoUnit.MINUTES))).isPresent(),
                    "the new state is dispatched");

            assertThat(drain(sqs, queueUrl)).hasSize(TARGETS).extracting(WorkItem::action)
                    .containsOnly(Action.SLEEP);
        }
    }

    @Test
    void deregisterStopsTheScheduleAndWakesItsSleepingTargets() {
        Instant wakeAt = CLOCK.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Schedule schedule = wakingAt("soon", wakeAt);
        Target awake = Target.asg(DispatchFixtures.PROD, "eu-west-1", "already-awake");
        hub.inventory().upsert(DispatchFixtures.item("soon", awake, TargetState.AWAKE));
        try (QuartzTransitionRegistry registry = registry("replica-a")) {
            registry.register(schedule, timeline(schedule));
            assertThat(registry.nextFire("soon")).contains(wakeAt);

            registry.deregister(schedule);

            assertThat(registry.registered()).isEmpty();
            assertThat(registry.nextFire("soon")).isEmpty();
            List<WorkItem> items = drain(sqs, queueUrl);
            assertThat(items).hasSize(TARGETS).extracting(WorkItem::action).containsOnly(Action.WAKE);
            assertThat(items).extracting(WorkItem::target).doesNotContain(awake);
        }
    }

    /** Awake every day from {@code wakeAt} for 30 minutes (UTC); yesterday's sleep counts as dispatched. */
    private Schedule wakingAt(String name, Instant wakeAt) {
        LocalTime from = LocalTime.ofInstant(wakeAt, ZoneOffset.UTC);
        Schedule schedule = DispatchFixtures.schedule(name, ZoneOffset.UTC, from, from.plusMinutes(30),
                Scope.EVERYWHERE, false, false);
        recordLatestAsDispatched(schedule, wakeAt.minusMillis(1));
        return schedule;
    }

    private void recordLatestAsDispatched(Schedule schedule, Instant now) {
        Transition last = timeline(schedule).lastTransition(now).orElseThrow();
        hub.control().claim(schedule.name(), last.at(), "earlier", last.at());
        hub.control().recordDispatch(schedule.name(), last.at(), TARGETS, last.at());
    }

    private QuartzTransitionRegistry registry(String owner) {
        Dispatcher dispatcher = new Dispatcher(hub.control(), hub.inventory(), queue, CLOCK, owner);
        return new QuartzTransitionRegistry(dispatcher, hub.control(), () -> REVISION, CLOCK,
                new QuartzTransitionRegistry.Settings(2, Duration.ofMinutes(1), Duration.ofMinutes(5),
                        Duration.ofMinutes(5)));
    }

    private void awaitDispatched(String schedule, Instant transition) {
        await(() -> hub.control().latestDispatch(schedule).map(DispatchedTransition::transition)
                .filter(transition::equals).isPresent(), "transition " + transition + " of " + schedule
                + " is dispatched");
    }

    /** Waits for something that happens on Quartz's threads; the bound is generous, not a performance claim. */
    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited 30 s, but not: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }

    private static Timeline timeline(Schedule schedule) {
        return Timeline.of(schedule, HolidaySource.none());
    }
}

package dev.offhours.reconciler.events;

import static dev.offhours.reconciler.events.MotoEventHub.ACCOUNT;
import static dev.offhours.reconciler.events.MotoEventHub.BUS;
import static dev.offhours.reconciler.events.MotoEventHub.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.work.Target;
import dev.offhours.reconciler.inventory.AsleepShapes;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/** Events put on a hub bus in moto, delivered by its rules to SQS, consumed by the updater into the inventory. */
@ExtendWith(MotoExtension.class)
class InventoryUpdaterTest {

    static final String SCHEDULE = "office-hours";
    static final Map<String, String> OPTED_IN = Map.of(OffhoursTags.SCHEDULE, SCHEDULE, "team", "web");
    static final Capacity AWAKE = new Capacity(1, 2, 4);
    static final Instant T0 = Instant.parse("2026-03-02T17:00:00Z");
    static final Target WEB = Target.asg(ACCOUNT, REGION, "web");
    static final AccountRegistry ONBOARDED = new AccountRegistry(List.of(
            new Account(ACCOUNT, "alpha", List.of(REGION), List.of())));

    @TempDir
    Path directory;
    private MotoEventHub hub;
    private EmbeddedHubStore store;
    private InventoryUpdater updater;
    private final MutableClock clock = new MutableClock(T0.plusSeconds(30));
    private final AtomicReference<AccountRegistry> registry = new AtomicReference<>(ONBOARDED);
    private final EventFixtures fixtures = EventFixtures.of(ACCOUNT, REGION);

    @BeforeEach
    void start(MotoServer moto) {
        hub = new MotoEventHub(moto);
        store = EmbeddedHubStore.open(directory.resolve("hub.mv.db"), clock);
        updater = new InventoryUpdater(hub.sqs, new InventoryUpdater.Settings(hub.queueUrl, hub.deadLetterUrl,
                Duration.ofSeconds(2), Duration.ofSeconds(10), 2, 1), new SpokeEventParser(MotoEventHub.ROLE),
                hub.listing, store.inventory(), store.control(), registry::get, AsleepShapes.ZERO, clock);
    }

    @AfterEach
    void close() {
        updater.close();
        hub.close();
        store.close();
    }

    @Test
    void aCreatedThenResizedGroupAppearsAndChangesInTheInventory() {
        hub.createAsg("web", AWAKE, OPTED_IN);
        put("create-auto-scaling-group", T0);
        consume();

        assertThat(store.inventory().get(WEB)).hasValueSatisfying(item -> {
            assertThat(item.schedule()).isEqualTo(SCHEDULE);
            assertThat(item.current()).isEqualTo(AWAKE);
            assertThat(item.state()).isEqualTo(TargetState.AWAKE);
            assertThat(item.source()).isEqualTo(InventoryItem.EVENT);
            assertThat(item.lastEventAt()).isEqualTo(T0);
        });
        assertThat(store.control().accountHealth(ACCOUNT, REGION)).hasValueSatisfying(health ->
                assertThat(health.lastEventAt()).isEqualTo(T0));

        hub.resizeAsg("web", new Capacity(1, 3, 6));
        put("update-auto-scaling-group", T0.plusSeconds(60));
        consume();

        assertThat(store.inventory().get(WEB)).hasValueSatisfying(item -> {
            assertThat(item.current()).isEqualTo(new Capacity(1, 3, 6));
            assertThat(item.lastEventAt()).isEqualTo(T0.plusSeconds(60));
        });
        assertThat(hub.describeAsgCalls.get()).as("Describe calls: the creation's read only; the resize's request"
                + " parameters are the change").isEqualTo(1);
        assertThat(updater.stats().applied()).isEqualTo(1);
        assertThat(updater.stats().externalChanges()).isEqualTo(2);
        assertThat(hub.queued(hub.queueUrl)).as("messages left on the events queue").isZero();
    }

    @Test
    void aBurstOfTwoHundredInstanceLaunchesOfAScalingPolicyCostsNoReadAndMovesTheDesiredSize() {
        hub.createAsg("web", AWAKE, OPTED_IN);
        put("create-auto-scaling-group", T0);
        consume();
        hub.describeAsgCalls.set(0);
        hub.resizeAsg("web", new Capacity(1, 4, 4)); // a target-tracking policy: no API call of anyone's
        EventFixtures policy = fixtures.with("activity", T0.plusSeconds(590).toString()).with("desired", "4");

        hub.put(IntStream.range(0, 200).mapToObj(i -> policy.entry("asg-launch-successful",
                T0.plusSeconds(600).plusMillis(i * 10L), BUS)).toList());
        consume();

        assertThat(hub.describeAsgCalls.get()).as("DescribeAutoScalingGroups calls").isZero();
        assertThat(updater.stats().messages()).isEqualTo(201);
        assertThat(updater.stats().applied()).isEqualTo(1);
        assertThat(store.inventory().get(WEB)).hasValueSatisfying(item ->
                assertThat(item.current()).isEqualTo(new Capacity(1, 4, 4)));
        assertThat(hub.queued(hub.queueUrl)).isZero();
    }

    @Test
    void instanceEventsWhoseCauseNamesNoSizeLongAfterTheLastChangeCostOneRead() {
        hub.createAsg("web", AWAKE, OPTED_IN);
        put("create-auto-scaling-group", T0);
        consume();
        hub.describeAsgCalls.set(0);
        hub.resizeAsg("web", new Capacity(1, 3, 4));

        hub.put(IntStream.range(0, 50).mapToObj(i -> entry("asg-terminate-unsuccessful",
                T0.plusSeconds(900).plusMillis(i * 10L))).toList());
        consume();

        assertThat(hub.describeAsgCalls.get()).as("DescribeAutoScalingGroups calls").isEqualTo(1);
        assertThat(store.inventory().get(WEB)).hasValueSatisfying(item ->
                assertThat(item.current()).isEqualTo(new Capacity(1, 3, 4)));
    }

    @Test
    void instanceEventsTrailingAChangeTheInventoryAlreadyReadCostNoSpokeCall() {
        hub.createAsg("web", AWAKE, OPTED_IN);
        put("create-auto-scaling-group", T0);
        consume();
        hub.describeAsgCalls.set(0);
        EventFixtures creation = fixtures.with("activity", T0.toString()).with("desired", "2");

        hub.put(IntStream.range(0, 20).mapToObj(i -> creation.entry("asg-launch-successful", T0.plusSeconds(60 + i),
                BUS)).toList());
        consume();

        assertThat(hub.describeAsgCalls.get()).isZero();
        assertThat(updater.stats().stale()).isEqualTo(1);
        assertThat(hub.queued(hub.queueUrl)).isZero();
    }

    @Test
    void instanceEventsOfAGroupTheInventoryDoesNotHoldCostNoSpokeCall() {
        hub.createAsg("eks-workers-1a2b", AWAKE, Map.of());
        hub.put(IntStream.range(0, 20).mapToObj(i -> fixtures.with("asg", "eks-workers-1a2b")
                .entry("asg-launch-successful", T0.plusSeconds(i), BUS)).toList());

        consume();

        assertThat(hub.describeAsgCalls.get()).isZero();
        assertThat(updater.stats().notOurs()).isEqualTo(1);
        assertThat(store.inventory().allByAccountRegion(ACCOUNT, REGION)).isEmpty();
        assertThat(hub.queued(hub.queueUrl)).isZero();
    }

    @Test
    void anEventOlderThanTheStoredVersionChangesNothing() {
        hub.createAsg("web", AWAKE, OPTED_IN);
        InventoryItem stored = new InventoryItem(WEB, SCHEDULE, OPTED_IN, AWAKE, null, TargetState.AWAKE, T0, InventoryItem.EVENT,
                T0.plusSeconds(30).toEpochMilli(), T0.plusSeconds(30));
        store.inventory().upsert(stored);
        hub.resizeAsg("web", new Capacity(1, 3, 6));

        put("update-auto-scaling-group", T0.plusSeconds(5));
        put("set-desired-capacity", T0.plusSeconds(5));
        consume();

        assertThat(store.inventory().get(WEB)).contains(stored);
        assertThat(hub.describeAsgCalls.get()).isZero();
        assertThat(updater.stats().stale()).isEqualTo(1);
        assertThat(hub.queued(hub.queueUrl)).isZero();
    }

    @Test
    void aDeletedGroupLeavesTheInventory() {
        hub.createAsg("web", AWAKE, OPTED_IN);
        put("create-auto-scaling-group", T0);
        consume();
        assertThat(store.inventory().get(WEB)).isPresent();

        hub.deleteAsg("web");
        put("delete-auto-scaling-group", T0.plusSeconds(60));
        consume();

        assertThat(store.inventory().get(WEB)).isEmpty();
        assertThat(updater.stats().removed()).isEqualTo(1);
        assertThat(updater.stats().lastOrphans()).isEmpty();
    }

    @Test
    void aGroupThatLosesItsTagWhileAsleepLeavesTheInventoryAndIsReportedUntilItOptsInAgain() {
        Capacity saved = new Capacity(2, 3, 6);
        hub.createAsg("web", new Capacity(0, 0, 0), Map.of(OffhoursTags.SCHEDULE, SCHEDULE,
                OffhoursTags.AWAKE_CAPACITY, OffhoursTags.formatCapacity(saved)));
        put("create-auto-scaling-group", T0);
        consume();
        assertThat(store.inventory().get(WEB)).hasValueSatisfying(item ->
                assertThat(item.state()).isEqualTo(TargetState.ASLEEP));

        hub.removeAsgTag("web", OffhoursTags.SCHEDULE);
        put("delete-tags", T0.plusSeconds(60));
        consume();

        assertThat(store.inventory().get(WEB)).isEmpty();
        assertThat(updater.stats().orphanedAsleep()).isEqualTo(1);
        assertThat(updater.stats().lastOrphans()).singleElement().satisfies(orphan -> {
            assertThat(orphan.target()).isEqualTo(WEB);
            assertThat(orphan.sentence()).contains("restore it to " + saved);
        });
        assertThat(store.control().orphans()).singleElement().satisfies(report -> {
            assertThat(report.target()).isEqualTo(WEB);
            assertThat(report.savedAwake()).isEqualTo(saved);
            assertThat(report.reportedBy()).isEqualTo(OrphanReport.EVENT);
        });

        hub.tagAsg("web", OffhoursTags.SCHEDULE, SCHEDULE);
        put("create-or-update-tags", T0.plusSeconds(120));
        consume();

        assertThat(store.inventory().get(WEB)).isPresent();
        assertThat(store.control().orphans()).as("opted in again: offhours wakes it").isEmpty();
    }

    @Test
    void offhoursOwnChangesCostNoSpokeCallAndAreNotExternalChanges() {
        hub.createAsg("web", AWAKE, OPTED_IN);
        put("create-auto-scaling-group", T0);
        consume();
        hub.describeAsgCalls.set(0);
        // the worker puts it to sleep and records its outcome, as SpokeWorker does after the call
        hub.resizeAsg("web", new Capacity(0, 0, 0));
        clock.advance(Duration.ofSeconds(5));
        store.inventory().recordOutcome(WEB.key(), TargetState.ASLEEP, new Capacity(0, 0, 0), clock.instant());
        EventFixtures ours = fixtures.with("role", MotoEventHub.ROLE).with("session", hub.roleSettings.sessionName());
        hub.put(List.of(ours.entry("set-desired-capacity", clock.instant(), BUS)));
        consume();

        assertThat(hub.describeAsgCalls.get()).isZero();
        assertThat(store.inventory().get(WEB)).hasValueSatisfying(item -> {
            assertThat(item.state()).isEqualTo(TargetState.ASLEEP);
            assertThat(item.source()).isEqualTo(InventoryItem.WORKER);
        });
        assertThat(updater.stats().selfInflicted()).isEqualTo(1);
        assertThat(updater.stats().externalChanges()).isEqualTo(1); // the creation
    }

    @Test
    void lateAndDuplicateDeliveriesOfAppliedChangesNeverRegressTheItem() {
        hub.createAsg("web", AWAKE, OPTED_IN);
        put("create-auto-scaling-group", T0);
        consume();
        hub.resizeAsg("web", new Capacity(1, 3, 6));
        clock.set(T0.plusSeconds(61));
        put("update-auto-scaling-group", T0.plusSeconds(60));
        consume();
        hub.resizeAsg("web", new Capacity(1, 5, 6));
        clock.set(T0.plusSeconds(121));
        hub.put(List.of(fixtures.with("desired", "5").entry("set-desired-capacity", T0.plusSeconds(120), BUS)));
        consume();
        assertThat(store.inventory().get(WEB).map(InventoryItem::current)).contains(new Capacity(1, 5, 6));
        hub.describeAsgCalls.set(0);

        put("update-auto-scaling-group", T0.plusSeconds(60)); // the first resize, delivered again after the second
        consume();
        assertThat(store.inventory().get(WEB).map(InventoryItem::current)).contains(new Capacity(1, 5, 6));
        assertThat(hub.describeAsgCalls.get()).as("an event the item already holds costs no read").isZero();

        hub.put(List.of(fixtures.with("desired", "5").entry("set-desired-capacity", T0.plusSeconds(120), BUS)));
        consume(); // the newest change again: whichever came first, the sizes stay as they are
        assertThat(store.inventory().get(WEB).map(InventoryItem::current)).contains(new Capacity(1, 5, 6));
        assertThat(hub.describeAsgCalls.get()).as("a duplicate of the newest change costs no read").isZero();

        hub.resizeAsg("web", new Capacity(1, 2, 6));
        hub.put(List.of(fixtures.with("desired", "2").entry("set-desired-capacity", T0.plusSeconds(122), BUS)));
        consume(); // a different change within the clock skew of the last one cannot be ordered: it is read
        assertThat(store.inventory().get(WEB).map(InventoryItem::current)).contains(new Capacity(1, 2, 6));
        assertThat(hub.describeAsgCalls.get()).as("an unorderable change costs one read").isEqualTo(1);
    }

    @Test
    void malformedEventsAndEventsOfAccountsNotOnboardedGoToTheDeadLetterQueueWithTheReason() {
        hub.put(List.of(PutEventsRequestEntry.builder().eventBusName(BUS).source("aws.autoscaling")
                .detailType("EC2 Instance Launch Successful").detail("{\"StatusCode\":\"InProgress\"}").time(T0).build()));
        hub.sqs.sendMessage(b -> b.queueUrl(hub.queueUrl).messageBody("this is not an event"));
        consume();
        registry.set(new AccountRegistry(List.of(new Account("222222222222", "bravo", List.of(REGION), List.of()))));
        hub.createAsg("web", AWAKE, OPTED_IN);
        put("create-auto-scaling-group", T0);
        consume();

        List<Message> dead = hub.drain(hub.deadLetterUrl);
        assertThat(dead).extracting(m -> m.messageAttributes().get(EventsDeadLetters.REASON_CODE).stringValue())
                .containsExactlyInAnyOrder(EventsDeadLetters.UNPARSEABLE, EventsDeadLetters.UNPARSEABLE,
                        EventsDeadLetters.ACCOUNT_NOT_ONBOARDED);
        assertThat(dead).extracting(m -> m.messageAttributes().get(EventsDeadLetters.REASON).stringValue())
                .anySatisfy(reason -> assertThat(reason).contains("no detail.AutoScalingGroupName"))
                .anySatisfy(reason -> assertThat(reason).contains("not JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("account " + ACCOUNT, "not onboarded"));
        assertThat(store.inventory().get(WEB)).isEmpty();
        assertThat(hub.queued(hub.queueUrl)).isZero();
        assertThat(updater.stats().deadLettered()).isEqualTo(3);
    }

    static Stream<Arguments> patternCases() {
        return Stream.of(
                Arguments.of("asg-launch-successful", true),
                Arguments.of("asg-terminate-unsuccessful", true),
                Arguments.of("create-auto-scaling-group", true),
                Arguments.of("update-auto-scaling-group", true),
                Arguments.of("set-desired-capacity", true),
                Arguments.of("delete-auto-scaling-group", true),
                Arguments.of("create-or-update-tags", true),
                Arguments.of("delete-tags", true),
                Arguments.of("create-nodegroup", true),
                Arguments.of("update-nodegroup-config", true),
                Arguments.of("delete-nodegroup", true),
                Arguments.of("tag-resource-nodegroup", true),
                Arguments.of("delete-cluster", true),
                Arguments.of("asg-instance-refresh-started", false),
                Arguments.of("describe-auto-scaling-groups", false),
                Arguments.of("update-auto-scaling-group-failed", false),
                Arguments.of("update-nodegroup-config-failed", false));
    }

    @ParameterizedTest(name = "{0} reaches the events queue: {1}")
    @MethodSource("patternCases")
    void theSpokePatternsLetThroughExactlyTheEventsTheInventoryNeeds(String fixture, boolean matches) {
        put(fixture, T0);

        assertThat(hub.drain(hub.queueUrl)).hasSize(matches ? 1 : 0);
    }

    @Test
    void theRunningUpdaterConvergesOnItsOwn() throws InterruptedException {
        hub.createAsg("web", AWAKE, OPTED_IN);
        clock.follow();
        updater.start();
        put("create-auto-scaling-group", T0);

        for (int i = 0; i < 300 && store.inventory().get(WEB).isEmpty(); i++) {
            Thread.sleep(100);
        }

        assertThat(store.inventory().get(WEB)).hasValueSatisfying(item -> assertThat(item.current()).isEqualTo(AWAKE));
    }

    private void put(String fixture, Instant time) {
        hub.put(List.of(entry(fixture, time)));
    }

    private PutEventsRequestEntry entry(String fixture, Instant time) {
        return fixtures.entry(fixture, time, BUS);
    }

    /** Reads the queue until it is empty, then lets every window (API calls 2 s, instances 10 s) close and refreshes. */
    private void consume() {
        while (updater.poll(0) > 0) {
            // gather everything delivered so far
        }
        clock.advance(Duration.ofSeconds(11));
        updater.flushDueNow();
    }
}

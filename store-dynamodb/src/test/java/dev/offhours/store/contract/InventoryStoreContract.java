package dev.offhours.store.contract;

import static dev.offhours.store.contract.Fixtures.allPages;
import static dev.offhours.store.contract.Fixtures.asg;
import static dev.offhours.store.contract.Fixtures.flatten;
import static dev.offhours.store.contract.Fixtures.item;
import static dev.offhours.store.contract.Fixtures.nodegroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.AppliedIntent;
import dev.offhours.core.port.IntentLedger.Begin;
import dev.offhours.core.port.IntentLedger.Start;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.Page;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What every {@link InventoryStore} must do; subclasses bind it to one adapter. */
public abstract class InventoryStoreContract {

    protected abstract InventoryStore store();

    private final Target web = nodegroup("111111111111", "dev", "web");

    @Test
    void anUpsertedItemReadsBackWithEveryField() {
        InventoryItem item = item(web, "payments-dev", 3).withSavedAwake(new Capacity(2, 3, 10));

        assertThat(store().upsert(item)).isTrue();

        assertThat(store().get(web)).contains(item);
        assertThat(store().get(asg("111111111111", "other"))).isEmpty();
    }

    @ParameterizedTest(name = "stored version 5, incoming {0}: written {1}")
    @CsvSource({"4, false", "5, false", "6, true"})
    void aLateOrDuplicateUpdateNeverRegressesTheItem(long incoming, boolean written) {
        store().upsert(item(web, "payments-dev", 5));
        InventoryItem update = new InventoryItem(web, "payments-dev", java.util.Map.of(), new Capacity(0, 0, 1), null,
                TargetState.ASLEEP, null, InventoryItem.EVENT, incoming, Fixtures.T0.plusSeconds(100));

        assertThat(store().upsert(update)).isEqualTo(written);

        assertThat(store().get(web).orElseThrow().version()).isEqualTo(written ? incoming : 5);
        assertThat(store().get(web).orElseThrow().state()).isEqualTo(written ? TargetState.ASLEEP : TargetState.AWAKE);
    }

    @Test
    void theSavedAwakeCapacitySurvivesUpsertsThatDoNotCarryOne() {
        store().upsert(item(web, "payments-dev", 1));
        store().save(web.key(), new Capacity(2, 3, 10));

        store().upsert(item(web, "payments-dev", 2));

        assertThat(store().find(web.key())).contains(new Capacity(2, 3, 10));
        assertThat(store().get(web).orElseThrow().version()).as("saving awake capacity keeps the version").isEqualTo(2);
    }

    @Test
    void awakeCapacityIsNeverZeroAndIsOnlyKeptForKnownTargets() {
        store().upsert(item(web, "payments-dev", 1));

        assertThatThrownBy(() -> store().save(web.key(), new Capacity(0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0/0/0");
        Target unknown = asg("222222222222", "ghost");
        store().save(unknown.key(), new Capacity(1, 1, 1));

        assertThat(store().find(web.key())).isEmpty();
        assertThat(store().find(unknown.key())).isEmpty();
        assertThat(store().get(unknown)).isEmpty();
    }

    @Test
    void theWorkersOutcomeUpdatesStateAndCapacityAndKeepsTheRest() {
        long discovered = Fixtures.T0.toEpochMilli();
        InventoryItem item = item(web, "payments-dev", discovered).withSavedAwake(new Capacity(1, 2, 5));
        store().upsert(item);
        java.time.Instant slept = Fixtures.T0.plusSeconds(30);

        assertThat(store().recordOutcome(web.key(), TargetState.ASLEEP, new Capacity(0, 0, 1), slept)).isTrue();

        assertThat(store().get(web)).contains(new InventoryItem(web, "payments-dev", item.tags(), new Capacity(0, 0, 1),
                new Capacity(1, 2, 5), TargetState.ASLEEP, item.lastEventAt(), InventoryItem.WORKER,
                slept.toEpochMilli(), slept));
        assertThat(store().upsert(item(web, "payments-dev", slept.toEpochMilli() - 1)))
                .as("a discovery read before the outcome does not regress it").isFalse();
        assertThat(store().upsert(item(web, "payments-dev", slept.toEpochMilli() + 1)))
                .as("a discovery read after the outcome replaces it").isTrue();
    }

    @ParameterizedTest(name = "stored version T0 plus {0} ms: outcome written {1}")
    @CsvSource({"-1, true", "0, false", "1, false"})
    void aWorkersOutcomeNeverOverwritesANewerRead(long offset, boolean written) {
        store().upsert(item(web, "payments-dev", Fixtures.T0.toEpochMilli() + offset));

        assertThat(store().recordOutcome(web.key(), TargetState.ASLEEP, new Capacity(0, 0, 1), Fixtures.T0))
                .isEqualTo(written);

        assertThat(store().get(web).orElseThrow().state()).isEqualTo(written ? TargetState.ASLEEP : TargetState.AWAKE);
    }

    @Test
    void aWorkersOutcomeForAnUnknownTargetCreatesNothing() {
        Target unknown = asg("222222222222", "ghost");

        assertThat(store().recordOutcome(unknown.key(), TargetState.AWAKE, new Capacity(1, 1, 1), Fixtures.T0)).isFalse();

        assertThat(store().get(unknown)).isEmpty();
    }

    @ParameterizedTest(name = "stored version 5, delete at {0}: deleted {1}")
    @CsvSource({"4, false", "5, true", "9, true"})
    void aDeleteNeverErasesANewerUpdate(long version, boolean deleted) {
        store().upsert(item(web, "payments-dev", 5));

        assertThat(store().delete(web, version)).isEqualTo(deleted);

        assertThat(store().get(web).isPresent()).isEqualTo(!deleted);
        assertThat(store().bySchedule("payments-dev", null, 10).items()).hasSize(deleted ? 0 : 1);
    }

    @Test
    void deletingAnUnknownTargetChangesNothing() {
        assertThat(store().delete(web, 10)).isFalse();
    }

    @ParameterizedTest(name = "{0} items, limit {1}")
    @CsvSource({"7, 3", "6, 3", "1, 1000", "0, 5"})
    void bySchedulePagesThroughExactlyTheSchedulesTargetsInTargetKeyOrder(int count, int limit) {
        List<Target> targets = IntStream.range(0, count)
                .mapToObj(i -> i % 2 == 0 ? asg("11111111111" + (i % 3), "asg-" + i) : nodegroup("333333333333", "c", "ng-" + i))
                .toList();
        targets.forEach(t -> store().upsert(item(t, "payments-dev", 1)));
        store().upsert(item(asg("111111111111", "elsewhere"), "payments-prod", 1));

        List<Page<InventoryItem>> pages = allPages(cursor -> store().bySchedule("payments-dev", cursor, limit), limit);

        assertThat(flatten(pages)).extracting(InventoryItem::targetKey)
                .containsExactlyElementsOf(targets.stream().map(Target::key).sorted().toList());
        // every page but the last is full; DynamoDB may end with an empty page when the count is a multiple of limit
        assertThat(pages.size()).isBetween((count + limit - 1) / limit, count / limit + 1);
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(p -> assertThat(p.items()).hasSize(limit));
    }

    @Test
    void anItemMovesToItsNewScheduleWhenItsTagChanges() {
        store().upsert(item(web, "payments-dev", 1));

        store().upsert(item(web, "payments-night", 2));

        assertThat(store().bySchedule("payments-dev", null, 10).items()).isEmpty();
        assertThat(store().bySchedule("payments-night", null, 10).items()).extracting(InventoryItem::version).containsExactly(2L);
    }

    @Test
    void byAccountRegionListsOnePartitionInSortKeyOrder() {
        List<Target> mine = List.of(asg("111111111111", "b"), asg("111111111111", "a"), nodegroup("111111111111", "c", "x"));
        mine.forEach(t -> store().upsert(item(t, "s" + t.name(), 1)));
        store().upsert(item(asg("111111111112", "a"), "s", 1));
        store().upsert(item(Target.asg("111111111111", "us-east-1", "a"), "s", 1));

        List<Page<InventoryItem>> pages = allPages(c -> store().byAccountRegion("111111111111", "eu-central-1", c, 2), 2);

        assertThat(flatten(pages)).extracting(i -> i.target().name()).containsExactly("a", "b", "x");
        assertThat(store().allByAccountRegion("111111111111", "eu-central-1")).hasSize(3);
    }

    @Test
    void aCursorOfAnotherListingIsRefused() {
        IntStream.range(0, 3).forEach(i -> store().upsert(item(asg("111111111111", "a" + i), "payments-dev", 1)));
        String cursor = store().bySchedule("payments-dev", null, 2).nextCursor();

        assertThat(cursor).isNotNull();
        assertThatThrownBy(() -> store().bySchedule("payments-prod", cursor, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid for this listing");
        assertThatThrownBy(() -> store().bySchedule("payments-dev", "%%%", 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().bySchedule("payments-dev", null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 1000");
    }

    // The intent ledger: an evening SLEEP (T1) and the next morning's WAKE (T2) of one schedule.
    private static final Instant T1 = Fixtures.T0;
    private static final Instant T2 = Fixtures.T0.plus(Duration.ofHours(14));
    private static final Instant NOW = T2.plusSeconds(30);
    private static final Duration LEASE = Duration.ofMinutes(5);

    /** A begin (and, when {@code finishWith} is set, its finish) done before the case's own begin. */
    record Earlier(String schedule, Instant transition, Action action, Instant at, OperationStatus finishWith) {
    }

    static Stream<Arguments> beginRules() {
        Instant longAgo = NOW.minus(LEASE).minusSeconds(1);
        return Stream.of(
                Arguments.of("no mark yet: started", null, "payments-dev", T1, Action.SLEEP, Start.STARTED),
                Arguments.of("the same intent unfinished (a redelivery after a crash): started again, lease renewed",
                        new Earlier("payments-dev", T1, Action.SLEEP, NOW.minusSeconds(60), null),
                        "payments-dev", T1, Action.SLEEP, Start.STARTED),
                Arguments.of("the same intent finished FAILED (a redrive): started again, outcome cleared",
                        new Earlier("payments-dev", T1, Action.SLEEP, NOW.minusSeconds(60), OperationStatus.FAILED),
                        "payments-dev", T1, Action.SLEEP, Start.STARTED),
                Arguments.of("a later intent of the same schedule finished: superseded",
                        new Earlier("payments-dev", T2, Action.WAKE, NOW.minusSeconds(60), OperationStatus.SUCCEEDED),
                        "payments-dev", T1, Action.SLEEP, Start.SUPERSEDED),
                Arguments.of("a later intent of the same schedule still leased: superseded, not busy",
                        new Earlier("payments-dev", T2, Action.WAKE, NOW.minusSeconds(60), null),
                        "payments-dev", T1, Action.SLEEP, Start.SUPERSEDED),
                Arguments.of("an earlier intent of the same schedule holds its lease: busy",
                        new Earlier("payments-dev", T1, Action.SLEEP, NOW.minusSeconds(60), null),
                        "payments-dev", T2, Action.WAKE, Start.BUSY),
                Arguments.of("another schedule's intent holds its lease: busy",
                        new Earlier("payments-night", T2, Action.WAKE, NOW.minusSeconds(60), null),
                        "payments-dev", T1, Action.SLEEP, Start.BUSY),
                Arguments.of("an earlier intent whose lease ran out: started, taking over",
                        new Earlier("payments-dev", T1, Action.SLEEP, longAgo, null),
                        "payments-dev", T2, Action.WAKE, Start.STARTED),
                Arguments.of("an earlier intent finished: started",
                        new Earlier("payments-dev", T1, Action.SLEEP, NOW.minusSeconds(60), OperationStatus.SUCCEEDED),
                        "payments-dev", T2, Action.WAKE, Start.STARTED),
                Arguments.of("another schedule's later intent finished: started (only one schedule orders itself)",
                        new Earlier("payments-night", T2, Action.WAKE, NOW.minusSeconds(60), OperationStatus.SUCCEEDED),
                        "payments-dev", T1, Action.SLEEP, Start.STARTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("beginRules")
    void beginFollowsTheLedgersRules(String rule, Earlier earlier, String schedule, Instant transition, Action action,
                                     Start expected) {
        store().upsert(item(web, "payments-dev", 1));
        AppliedIntent before = null;
        if (earlier != null) {
            assertThat(store().begin(web, earlier.schedule(), earlier.transition(), earlier.action(), earlier.at(), LEASE)
                    .start()).isEqualTo(Start.STARTED);
            if (earlier.finishWith() != null) {
                assertThat(store().finish(web, earlier.schedule(), earlier.transition(), earlier.finishWith(),
                        earlier.at().plusSeconds(1))).isTrue();
            }
            before = store().get(web).orElseThrow().intent();
        }

        Begin begin = store().begin(web, schedule, transition, action, NOW, LEASE);

        assertThat(begin.start()).isEqualTo(expected);
        assertThat(begin.previous()).isEqualTo(before);
        AppliedIntent stored = store().get(web).orElseThrow().intent();
        if (expected == Start.STARTED) {
            AppliedIntent started = new AppliedIntent(schedule, transition, action, null, NOW.plus(LEASE), NOW);
            assertThat(begin.current()).isEqualTo(started);
            assertThat(stored).isEqualTo(started);
        } else {
            assertThat(begin.current()).as("the mark that refused it").isEqualTo(before);
            assertThat(stored).as("a refused begin changes nothing").isEqualTo(before);
        }
    }

    @Test
    void beginOnATargetWithoutAnItemIsUntrackedAndCreatesNothing() {
        Begin begin = store().begin(web, "payments-dev", T1, Action.SLEEP, NOW, LEASE);

        assertThat(begin).isEqualTo(new Begin(Start.UNTRACKED, null, null));
        assertThat(store().get(web)).isEmpty();
        assertThat(store().finish(web, "payments-dev", T1, OperationStatus.SUCCEEDED, NOW)).isFalse();
        assertThat(store().get(web)).isEmpty();
    }

    @Test
    void finishEndsOnlyTheMatchingMark() {
        store().upsert(item(web, "payments-dev", 1));
        store().begin(web, "payments-dev", T2, Action.WAKE, NOW, LEASE);
        AppliedIntent started = store().get(web).orElseThrow().intent();

        assertThat(store().finish(web, "payments-dev", T1, OperationStatus.SUCCEEDED, NOW.plusSeconds(1)))
                .as("an older transition of the same schedule").isFalse();
        assertThat(store().finish(web, "payments-night", T2, OperationStatus.SUCCEEDED, NOW.plusSeconds(1)))
                .as("another schedule at the same instant").isFalse();
        assertThat(store().get(web).orElseThrow().intent()).isEqualTo(started);

        assertThat(store().finish(web, "payments-dev", T2, OperationStatus.SUCCEEDED, NOW.plusSeconds(2))).isTrue();

        AppliedIntent finished = store().get(web).orElseThrow().intent();
        assertThat(finished).isEqualTo(new AppliedIntent("payments-dev", T2, Action.WAKE, OperationStatus.SUCCEEDED,
                started.leaseUntil(), NOW.plusSeconds(2)));
        assertThat(finished.covers("payments-dev", T2)).isTrue();
        assertThat(finished.leasedAt(NOW)).as("a finished intent holds no lease").isFalse();
        assertThatThrownBy(() -> store().finish(web, "payments-dev", T2, OperationStatus.IN_PROGRESS, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyReadReturnsTheMarkAndOnlyTheLedgerChangesIt() {
        store().upsert(item(web, "payments-dev", 1));
        store().begin(web, "payments-dev", T1, Action.SLEEP, NOW, LEASE);
        store().finish(web, "payments-dev", T1, OperationStatus.SUCCEEDED, NOW.plusSeconds(1));
        AppliedIntent mark = store().get(web).orElseThrow().intent();
        assertThat(mark).isNotNull();

        // an upsert that carries a different (or no) mark keeps the stored one
        InventoryItem other = new InventoryItem(web, "payments-dev", java.util.Map.of(), new Capacity(0, 0, 1), null,
                TargetState.ASLEEP, null, InventoryItem.EVENT, 2, NOW,
                new AppliedIntent("payments-dev", T2, Action.WAKE, OperationStatus.FAILED, null, NOW));
        assertThat(store().upsert(other)).isTrue();
        assertThat(store().upsert(item(web, "payments-dev", 3))).isTrue();
        store().save(web.key(), new Capacity(2, 3, 10));
        assertThat(store().recordOutcome(web.key(), TargetState.ASLEEP, new Capacity(0, 0, 1), NOW.plusSeconds(60)))
                .isTrue();
        assertThat(store().delete(web, 2)).as("a delete older than the item is refused").isFalse();

        assertThat(store().get(web).orElseThrow().intent()).isEqualTo(mark);
        assertThat(store().bySchedule("payments-dev", null, 10).items()).extracting(InventoryItem::intent)
                .containsExactly(mark);
        assertThat(store().byAccountRegion(web.account(), web.region(), null, 10).items())
                .extracting(InventoryItem::intent).containsExactly(mark);
        assertThat(store().upsert(item(web, "payments-night", NOW.plusSeconds(120).toEpochMilli()))).isTrue();
        assertThat(store().bySchedule("payments-night", null, 10).items()).extracting(InventoryItem::intent)
                .as("a schedule change moves the item, mark and all").containsExactly(mark);
    }

    @Test
    void twoWorkersRacingToBeginTwoIntentsOfOneTargetStartExactlyOne() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // several rounds, each on a fresh target, so the two begins really overlap in some of them
            for (int round = 0; round < 10; round++) {
                Target target = asg("111111111111", "race-" + round);
                store().upsert(item(target, "payments-dev", 1));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Begin>> begins = new ArrayList<>();
                for (Callable<Begin> racer : List.<Callable<Begin>>of(
                        () -> {
                            together.await(10, TimeUnit.SECONDS);
                            return store().begin(target, "payments-dev", T1, Action.SLEEP, NOW, LEASE);
                        },
                        () -> {
                            together.await(10, TimeUnit.SECONDS);
                            return store().begin(target, "payments-night", T2, Action.WAKE, NOW, LEASE);
                        })) {
                    begins.add(threads.submit(racer));
                }
                List<Begin> answers = new ArrayList<>();
                for (Future<Begin> begin : begins) {
                    answers.add(begin.get(30, TimeUnit.SECONDS));
                }

                assertThat(answers).extracting(Begin::start).containsExactlyInAnyOrder(Start.STARTED, Start.BUSY);
                Begin winner = answers.stream().filter(b -> b.start() == Start.STARTED).findFirst().orElseThrow();
                Begin loser = answers.stream().filter(b -> b.start() == Start.BUSY).findFirst().orElseThrow();
                assertThat(loser.current()).as("the loser is told who holds the target").isEqualTo(winner.current());
                assertThat(store().get(target).orElseThrow().intent()).isEqualTo(winner.current());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}

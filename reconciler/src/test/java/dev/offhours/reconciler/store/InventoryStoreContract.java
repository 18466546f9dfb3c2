package dev.offhours.reconciler.store;

import static dev.offhours.reconciler.store.Fixtures.allPages;
import static dev.offhours.reconciler.store.Fixtures.asg;
import static dev.offhours.reconciler.store.Fixtures.flatten;
import static dev.offhours.reconciler.store.Fixtures.item;
import static dev.offhours.reconciler.store.Fixtures.nodegroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.Page;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Target;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}

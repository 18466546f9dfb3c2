package dev.offhours.reconciler.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Target;
import dev.offhours.reconciler.inventory.AsleepShapes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a window of events does to a stored item, and when it costs a spoke read. */
class EventFoldTest {

    private static final Instant V = Instant.parse("2026-03-02T17:00:00Z");
    private static final Instant NOW = V.plus(Duration.ofMinutes(30));
    private static final Target WEB = Target.asg("111111111111", "eu-west-1", "web");
    private static final ResourceRef REF = ResourceRef.of(WEB);
    private static final Map<String, String> OPTED_IN = Map.of(OffhoursTags.SCHEDULE, "office-hours");
    private static final InventoryItem STORED = new InventoryItem(WEB, "office-hours", OPTED_IN, new Capacity(1, 2, 4),
            null, TargetState.AWAKE, null, InventoryItem.DISCOVERY, V.toEpochMilli(), V);

    static Stream<Arguments> windows() {
        return Stream.of(
                row("offhours' own resize costs nothing: the worker records it", STORED,
                        List.of(own(resize(60, 0, 0, 0))), "skip OWN_CHANGE"),
                row("a resize of a group the inventory does not hold cannot opt it in", null,
                        List.of(owner(resize(60, 1, 3, 6))), "skip NOT_OURS"),
                row("instance events of a group the inventory does not hold", null,
                        List.of(instance(60), instance(61)), "skip NOT_OURS"),
                row("a creation is read", null, List.of(owner(60, new ResourceChange.Touched(REF))), "read"),
                row("setting the opt-in tag on an unknown group is read", null,
                        List.of(owner(tags(60, OPTED_IN, Set.of()))), "read"),
                row("an owner's resize is applied from its request", STORED,
                        List.of(owner(resize(60, 1, 3, 6))), "write 1/3/6 AWAKE version +60s"),
                row("a resize the stored read already holds", STORED,
                        List.of(owner(resize(-10, 1, 3, 6))), "skip STALE"),
                row("a resize within the clock skew of the stored read cannot be ordered", STORED,
                        List.of(owner(resize(2, 1, 3, 6))), "read"),
                row("instance events trailing the stored read", STORED,
                        List.of(instance(60), instance(90)), "skip STALE"),
                row("instance events long after: a scaling policy moved it", STORED,
                        List.of(instance(600)), "read"),
                row("a deletion removes without a read", STORED,
                        List.of(owner(60, new ResourceChange.Removed(REF))), "remove version +60s"),
                row("a change after a deletion in one window is read", STORED,
                        List.of(owner(60, new ResourceChange.Removed(REF)), owner(62, new ResourceChange.Touched(REF))),
                        "read"),
                row("removing the opt-in tag is read (an orphan asleep is reported)", STORED,
                        List.of(owner(tags(60, Map.of(), Set.of(OffhoursTags.SCHEDULE)))), "read"),
                row("an awake-capacity tag becomes the saved capacity", STORED,
                        List.of(owner(tags(60, Map.of(OffhoursTags.AWAKE_CAPACITY, "min=2,desired=3,max=5"), Set.of()))),
                        "write 1/2/4 AWAKE saved 2/3/5 version +60s"),
                row("two resizes in one second cannot be ordered", STORED,
                        List.of(owner(resize(60, 1, 3, 6)), owner(resize(60, 1, 5, 6))), "read"),
                row("two resizes in order are folded", STORED,
                        List.of(owner(resize(120, null, 5, null)), owner(resize(60, 1, 3, 6))),
                        "write 1/5/6 AWAKE version +120s"),
                row("a resize and a retag in one second are independent", STORED,
                        List.of(owner(resize(60, 1, 3, 6)), owner(tags(60, Map.of("team", "web"), Set.of()))),
                        "write 1/3/6 AWAKE version +60s"),
                row("a new minimum above the desired size raises it (AWS's rule for groups)", STORED,
                        List.of(owner(resize(60, 3, null, null))), "write 3/3/4 AWAKE version +60s"),
                row("a new maximum below the desired size lowers it", STORED,
                        List.of(owner(resize(60, null, null, 1))), "write 1/1/1 AWAKE version +60s"),
                row("sizes that break min <= desired <= max are read", STORED,
                        List.of(owner(resize(60, null, 9, null))), "read"),
                row("an owner scaling a group with a saved capacity to zero: asleep", STORED.withSavedAwake(
                        new Capacity(1, 2, 4)), List.of(owner(resize(60, 0, 0, 0))), "write 0/0/0 ASLEEP saved 1/2/4"
                        + " version +60s"),
                row("a scaling policy's activity named by its instance events is applied without a read", STORED,
                        List.of(activity(600, 3), activity(600, 3), activity(600, 3)),
                        "write 1/3/4 AWAKE version +600s"),
                row("the instance events of a resize the item holds cost nothing", STORED,
                        List.of(activity(2, 2)), "skip STALE"),
                row("an activity within the skew that moves the sizes is read", STORED,
                        List.of(activity(2, 3)), "read"),
                row("an activity beyond the group's maximum is read", STORED, List.of(activity(600, 9)), "read"),
                row("an activity and a resize in one second cannot be ordered", STORED,
                        List.of(owner(resize(600, 1, 3, 6)), activity(600, 5)), "read"),
                row("a policy moving back to the stored size after another move is folded in order", STORED,
                        List.of(activity(600, 3), activity(608, 2)), "write 1/2/4 AWAKE version +608s"),
                row("a resize and the activity its instance events name, in one second, agree", STORED,
                        List.of(owner(resize(600, 1, 3, 6)), activity(600, 3)), "write 1/3/6 AWAKE version +600s"),
                row("two tag calls of one second on different keys", STORED,
                        List.of(owner(tags(60, Map.of("team", "web"), Set.of())),
                                owner(tags(60, Map.of("cost-centre", "42"), Set.of()))),
                        "write 1/2/4 AWAKE version +60s"),
                row("two tag calls of one second on one key with different values", STORED,
                        List.of(owner(tags(60, Map.of("team", "web"), Set.of())),
                                owner(tags(60, Map.of("team", "api"), Set.of()))), "read"),
                row("activities of a group the inventory does not hold", null, List.of(activity(600, 3)),
                        "skip NOT_OURS"),
                row("an event newer than the hub's clock is versioned at the hub's clock", STORED,
                        List.of(owner(resize(3600, 1, 3, 6))), "write 1/3/6 AWAKE version +1800s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void aWindowOfEventsDecidesWhatHappensToTheItem(String name, InventoryItem stored, List<ObservedChange> window,
                                                    String expected) {
        EventFold.Decision decision = EventFold.fold(Optional.ofNullable(stored), window, AsleepShapes.ZERO, NOW);

        assertThat(describe(decision)).isEqualTo(expected);
    }

    private static String describe(EventFold.Decision decision) {
        if (decision instanceof EventFold.Nothing nothing) {
            return "skip " + nothing.why();
        }
        if (decision instanceof EventFold.Remove remove) {
            return "remove version " + offset(remove.version());
        }
        if (decision instanceof EventFold.Write write) {
            InventoryItem item = write.item();
            assertThat(item.source()).isEqualTo(InventoryItem.EVENT);
            assertThat(item.updatedAt()).isEqualTo(NOW);
            String saved = item.savedAwake() == null ? "" : " saved " + sizes(item.savedAwake());
            return "write " + sizes(item.current()) + " " + item.state() + saved + " version "
                    + offset(item.version());
        }
        return "read";
    }

    private static String sizes(Capacity capacity) {
        return capacity.min() + "/" + capacity.desired() + "/" + capacity.max();
    }

    private static String offset(long version) {
        return "+" + (version - V.toEpochMilli()) / 1000 + "s";
    }

    private static Arguments row(String name, InventoryItem stored, List<ObservedChange> window, String expected) {
        return Arguments.of(name, stored, window, expected);
    }

    private record Timed(long seconds, ResourceChange change) {
    }

    private static Timed resize(long seconds, Integer min, Integer desired, Integer max) {
        return new Timed(seconds, new ResourceChange.Resized(REF, min, desired, max));
    }

    private static Timed tags(long seconds, Map<String, String> set, Set<String> removed) {
        return new Timed(seconds, new ResourceChange.Retagged(REF, set, removed));
    }

    private static ObservedChange owner(Timed timed) {
        return new ObservedChange(V.plusSeconds(timed.seconds()), timed.change(), false, false);
    }

    private static ObservedChange owner(long seconds, ResourceChange change) {
        return owner(new Timed(seconds, change));
    }

    private static ObservedChange own(Timed timed) {
        return new ObservedChange(V.plusSeconds(timed.seconds()), timed.change(), true, false);
    }

    /** What an instance event whose cause names a scaling activity becomes (the activity's own time). */
    private static ObservedChange activity(long seconds, int desired) {
        return new ObservedChange(V.plusSeconds(seconds), new ResourceChange.ScalingActivity(REF, V.plusSeconds(seconds),
                desired), false, true);
    }

    private static ObservedChange instance(long seconds) {
        return new ObservedChange(V.plusSeconds(seconds), new ResourceChange.Touched(REF), false, true);
    }
}

package dev.offhours.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.capacity.SleepTable.LastApplied;
import dev.offhours.core.capacity.SleepTable.Row;
import dev.offhours.core.capacity.SleepTable.Saved;
import dev.offhours.core.capacity.SleepTable.Shape;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.TargetKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of {@link SleepTable}, through {@link CapacityRules#decide}, for ASGs and node groups. */
class SleepTableTest {

    private static final Instant NOW = Instant.parse("2026-03-02T17:00:00Z");
    private static final String S = "office-hours";
    private static final TargetKind ASG = TargetKind.ASG;
    private static final TargetKind EKS = TargetKind.EKS_NODEGROUP;
    private static final AsleepCapacity ZERO = AsleepCapacity.ZERO;
    private static final AsleepCapacity ONE = new AsleepCapacity(1, 1);
    private static final Capacity AWAKE = c(2, 3, 10);
    private static final Optional<Action> UNKNOWN = Optional.empty();
    private static final Optional<Action> SLEPT = Optional.of(Action.SLEEP);
    private static final Optional<Action> WOKEN = Optional.of(Action.WAKE);

    /**
     * One target at one SLEEP. {@code tag} is the value of the awake-capacity tag (null: no tag), {@code stored} the
     * hub's copy (null: none). A Skip's expected reason is a prefix of the actual one.
     */
    record Case(String name, int row, TargetKind kind, AsleepCapacity asleep, Capacity current, String tag,
                Capacity stored, Optional<Action> lastApplied, Decision expected) {
        @Override
        public String toString() {
            return "row " + row + ": " + name;
        }
    }

    static Stream<Case> sleeps() {
        return Stream.of(
                new Case("ASG already asleep, nothing saved", 1, ASG, ZERO, c(0, 0, 0), null, null, UNKNOWN,
                        alreadyAsleep(c(0, 0, 0))),
                new Case("node group already asleep at max 1, nothing saved, slept by offhours", 1, EKS, ZERO, c(0, 0, 1),
                        null, null, SLEPT, alreadyAsleep(c(0, 0, 1))),

                new Case("ASG at 0/0/5 (max raised), nothing saved: not recorded, left", 2, ASG, ZERO, c(0, 0, 5), null,
                        null, UNKNOWN, leftAtNoDesired(c(0, 0, 5))),
                new Case("node group at 0/0/0, nothing saved, woken last", 2, EKS, ZERO, c(0, 0, 0), null, null, WOKEN,
                        leftAtNoDesired(c(0, 0, 0))),
                new Case("node group at 0/0/1 after asleep {0,0} became {1,1}, nothing saved", 2, EKS, ONE, c(0, 0, 1),
                        null, null, SLEPT, leftAtNoDesired(c(0, 0, 1))),

                new Case("ASG slept at 1/1/1 before asleep became {0,0}, nothing saved: not recorded, left", 3, ASG, ZERO,
                        c(1, 1, 1), null, null, SLEPT, leftCapped(c(1, 1, 1))),
                new Case("node group slept at 1/1/1 before asleep became {0,0}, nothing saved: left", 3, EKS, ZERO,
                        c(1, 1, 1), null, null, SLEPT, leftCapped(c(1, 1, 1))),

                new Case("ASG running pinned at 2/2/2, first sleep: saved", 4, ASG, ZERO, c(2, 2, 2), null, null, UNKNOWN,
                        saveAndSleep(c(2, 2, 2), c(0, 0, 0))),
                new Case("node group running pinned at 1/1/1, woken last, nothing saved: saved", 4, EKS, ZERO, c(1, 1, 1),
                        null, null, WOKEN, saveAndSleep(c(1, 1, 1), c(0, 0, 1))),

                new Case("ASG first sleep saves its awake capacity", 5, ASG, ZERO, AWAKE, null, null, UNKNOWN,
                        saveAndSleep(AWAKE, c(0, 0, 0))),
                new Case("node group first sleep keeps max 1", 5, EKS, ZERO, AWAKE, null, null, UNKNOWN,
                        saveAndSleep(AWAKE, c(0, 0, 1))),
                new Case("node group woken by hand after offhours slept it, nothing saved: saved", 5, EKS, ONE, AWAKE,
                        null, null, SLEPT, saveAndSleep(AWAKE, c(1, 1, 1))),
                new Case("ASG with an unreadable tag: a clearly awake capacity repairs it", 5, ASG, ZERO, AWAKE, "min=2",
                        null, UNKNOWN, saveAndSleep(AWAKE, c(0, 0, 0))),
                new Case("ASG whose tag saved 0/0/5 (desired 0): a clearly awake capacity repairs it", 5, ASG, ZERO,
                        AWAKE, "min=0,desired=0,max=5", null, WOKEN, saveAndSleep(AWAKE, c(0, 0, 0))),

                new Case("ASG repeated sleep keeps the saved capacity", 6, ASG, ZERO, c(0, 0, 0), "min=2,desired=3,max=10",
                        null, SLEPT, alreadyAsleep(c(0, 0, 0))),
                new Case("node group asleep at {1,1}, saved in the hub", 6, EKS, ONE, c(1, 1, 1), null, AWAKE, UNKNOWN,
                        alreadyAsleep(c(1, 1, 1))),

                new Case("ASG asleep, owner raised max to 0/0/5: back to 0/0/0, saved capacity kept", 7, ASG, ZERO,
                        c(0, 0, 5), "min=2,desired=3,max=10", null, SLEPT, sleepKeepingSaved(c(0, 0, 5), c(0, 0, 0))),
                new Case("node group asleep, owner raised max to 0/0/4: back to 0/0/1, saved capacity kept", 7, EKS, ZERO,
                        c(0, 0, 4), null, AWAKE, SLEPT, sleepKeepingSaved(c(0, 0, 4), c(0, 0, 1))),
                new Case("node group asleep at 0/0/1, asleep became {1,1}: to 1/1/1, saved capacity kept", 7, EKS, ONE,
                        c(0, 0, 1), null, AWAKE, SLEPT, sleepKeepingSaved(c(0, 0, 1), c(1, 1, 1))),
                new Case("ASG asleep at 1/1/1, asleep became {0,0}: to 0/0/0, saved capacity kept", 7, ASG,
                        ZERO, c(1, 1, 1), "min=2,desired=3,max=10", null, SLEPT, sleepKeepingSaved(c(1, 1, 1), c(0, 0, 0))),
                new Case("node group asleep at 1/1/1, asleep became {0,0}: to 0/0/1, saved capacity kept", 7, EKS, ZERO,
                        c(1, 1, 1), null, AWAKE, SLEPT, sleepKeepingSaved(c(1, 1, 1), c(0, 0, 1))),
                new Case("ASG asleep, woken by hand to 1/5/10: back to sleep, saved capacity kept", 7, ASG, ZERO,
                        c(1, 5, 10), "min=2,desired=3,max=10", null, SLEPT, sleepKeepingSaved(c(1, 5, 10), c(0, 0, 0))),

                new Case("ASG at 0/0/5, last action unknown: to 0/0/0, saved capacity kept", 8, ASG, ZERO, c(0, 0, 5),
                        "min=2,desired=3,max=10", null, UNKNOWN, sleepKeepingSaved(c(0, 0, 5), c(0, 0, 0))),
                new Case("node group at 0/0/1, asleep became {1,1}, last action unknown: to 1/1/1, kept", 8, EKS, ONE,
                        c(0, 0, 1), null, AWAKE, UNKNOWN, sleepKeepingSaved(c(0, 0, 1), c(1, 1, 1))),
                new Case("node group scaled to 0/0/0 by its owner after a wake: to 0/0/1, kept", 8, EKS, ZERO, c(0, 0, 0),
                        null, AWAKE, WOKEN, sleepKeepingSaved(c(0, 0, 0), c(0, 0, 1))),

                new Case("ASG at 1/1/1, asleep became {0,0}, last action unknown: to 0/0/0, kept", 9, ASG, ZERO,
                        c(1, 1, 1), "min=2,desired=3,max=10", null, UNKNOWN, sleepKeepingSaved(c(1, 1, 1), c(0, 0, 0))),
                new Case("node group at 1/1/1, asleep became {0,0}, last action unknown: to 0/0/1, kept", 9, EKS, ZERO,
                        c(1, 1, 1), null, AWAKE, UNKNOWN, sleepKeepingSaved(c(1, 1, 1), c(0, 0, 1))),
                new Case("ASG at 1/2/2 from an older asleep {1,2}, last action unknown: kept", 9, ASG, ZERO, c(1, 2, 2),
                        "min=2,desired=3,max=10", null, UNKNOWN, sleepKeepingSaved(c(1, 2, 2), c(0, 0, 0))),

                new Case("ASG pinned to 2/2/2 by its owner after a wake: saved", 10, ASG, ZERO, c(2, 2, 2),
                        "min=2,desired=3,max=10", null, WOKEN, saveAndSleep(c(2, 2, 2), c(0, 0, 0))),
                new Case("node group pinned to 1/1/1 by its owner after a wake: saved", 10, EKS, ZERO, c(1, 1, 1), null,
                        AWAKE, WOKEN, saveAndSleep(c(1, 1, 1), c(0, 0, 1))),

                new Case("ASG resized while awake: the new capacity replaces the saved one", 11, ASG, ZERO, c(1, 5, 10),
                        "min=2,desired=3,max=10", null, UNKNOWN, saveAndSleep(c(1, 5, 10), c(0, 0, 0))),
                new Case("ASG pinned at 4/4/4, above the saved desired: saved", 11, ASG, ZERO, c(4, 4, 4),
                        "min=2,desired=3,max=10", null, UNKNOWN, saveAndSleep(c(4, 4, 4), c(0, 0, 0))),
                new Case("node group at its saved capacity after a wake: saved again", 11, EKS, ONE, AWAKE, null, AWAKE,
                        WOKEN, saveAndSleep(AWAKE, c(1, 1, 1))),
                new Case("ASG capped at 1/2/2 while the tag saves desired 1 (the store's 3 is ignored): saved", 11, ASG,
                        ZERO, c(1, 2, 2), "min=1,desired=1,max=4", AWAKE, UNKNOWN, saveAndSleep(c(1, 2, 2), c(0, 0, 0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sleeps")
    void sleep(Case sleep) {
        CapacityRules.Observed observed = new CapacityRules.Observed(sleep.current(), tags(sleep.tag()),
                Optional.ofNullable(sleep.stored()), sleep.lastApplied());
        Row row = SleepTable.rowFor(sleep.current(), CapacityRules.asleepCapacity(sleep.kind(), sleep.asleep()),
                CapacityRules.savedForSleep(observed), sleep.lastApplied());
        assertThat(row.number()).as("row").isEqualTo(sleep.row());

        Decision decision = CapacityRules.decide(S, Action.SLEEP, sleep.kind(), sleep.asleep(), observed, NOW);

        if (sleep.expected() instanceof Decision.Skip expected) {
            assertThat(decision).isInstanceOfSatisfying(Decision.Skip.class, skip -> {
                assertThat(skip.reason()).startsWith(expected.reason());
                assertThat(skip.alreadyThere()).isEqualTo(expected.alreadyThere());
            });
        } else {
            assertThat(decision).isEqualTo(sleep.expected());
        }
        assertThat(decision instanceof Decision.Change change && change.saveAwake() != null)
                .as("saves").isEqualTo(row.outcome().saves());
        assertThat(decision instanceof Decision.Change).as("changes").isEqualTo(row.outcome().changes());
    }

    @Test
    void everyRowHasACase() {
        Set<Integer> tested = sleeps().map(Case::row).collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> rows = SleepTable.ROWS.stream().map(Row::number).collect(Collectors.toCollection(TreeSet::new));
        assertThat(tested).isEqualTo(rows);
    }

    @Test
    void everyCombinationOfInputsHasExactlyOneRow() {
        List<String> combinations = new ArrayList<>();
        for (Saved saved : Saved.values()) {
            for (LastApplied lastApplied : LastApplied.values()) {
                for (Shape shape : Shape.values()) {
                    // rowFor throws unless exactly one row matches
                    combinations.add(saved + "/" + lastApplied + "/" + shape + " -> " + SleepTable.rowFor(saved, lastApplied, shape).number());
                }
            }
        }
        assertThat(combinations).hasSize(Saved.values().length * LastApplied.values().length * Shape.values().length);
    }

    @Test
    void noRowSavesAnAsleepLikeShape() {
        // the principle, checked over every row rather than by example
        for (Row row : SleepTable.ROWS) {
            if (row.outcome().saves()) {
                assertThat(row.shapes()).doesNotContain(Shape.ASLEEP, Shape.NO_DESIRED);
                if (row.shapes().contains(Shape.CAPPED)) {
                    assertThat(row.lastApplied()).doesNotContain(LastApplied.SLEEP);
                }
                if (row.saved() == Saved.SAVED) {
                    assertThat(row.lastApplied()).doesNotContain(LastApplied.SLEEP);
                }
            }
        }
    }

    /** The owner of a sleeping ASG raises max, then the next night and morning come. */
    @Test
    void aSleepingAsgWhoseMaxWasRaisedWakesToItsAwakeCapacity() {
        Map<String, String> tags = tags(null);
        Decision first = decide(Action.SLEEP, ASG, AWAKE, tags, Optional.empty());
        tags.put(OffhoursTags.AWAKE_CAPACITY, OffhoursTags.formatCapacity(((Decision.Change) first).saveAwake()));

        for (Optional<Action> lastApplied : List.of(SLEPT, UNKNOWN)) {
            Decision again = decide(Action.SLEEP, ASG, c(0, 0, 5), tags, lastApplied);
            assertThat(again).isEqualTo(new Decision.Change(c(0, 0, 5), c(0, 0, 0), null));
        }
        assertThat(decide(Action.WAKE, ASG, c(0, 0, 0), tags, SLEPT)).isEqualTo(new Decision.Change(c(0, 0, 0), AWAKE, null));
    }

    static Stream<Object[]> wakes() {
        return Stream.of(
                new Object[] {"ASG saved 0/0/5 is refused", ASG, ZERO, "min=0,desired=0,max=5", null,
                        new Decision.Fail("InvalidSavedCapacity", "the saved awake capacity is min=0,desired=0,max=5, "
                                + "which cannot be an awake capacity; nothing was changed")},
                new Object[] {"node group saved 0/0/1 in the hub is refused", EKS, ZERO, null, c(0, 0, 1),
                        new Decision.Fail("InvalidSavedCapacity", "the saved awake capacity is min=0,desired=0,max=1, "
                                + "which cannot be an awake capacity; nothing was changed")},
                new Object[] {"ASG saved at its asleep capacity 1/1/1 is refused", ASG, ONE, "min=1,desired=1,max=1", null,
                        new Decision.Fail("InvalidSavedCapacity", "the saved awake capacity min=1,desired=1,max=1 is the "
                                + "schedule's asleep capacity, so a wake would leave the resource asleep; nothing was "
                                + "changed. Set tag offhours.dev/awake-capacity to its awake capacity, e.g. min=2,desired=3,max=10")},
                new Object[] {"node group saved at its asleep capacity 1/1/1 is refused", EKS, ONE, null, c(1, 1, 1),
                        new Decision.Fail("InvalidSavedCapacity", "the saved awake capacity min=1,desired=1,max=1 is the "
                                + "schedule's asleep capacity, so a wake would leave the resource asleep; nothing was "
                                + "changed. Set tag offhours.dev/awake-capacity to its awake capacity, e.g. min=2,desired=3,max=10")},
                new Object[] {"ASG saved 1/1/1 with asleep {0,0} is restored", ASG, ZERO, "min=1,desired=1,max=1", null,
                        new Decision.Change(c(0, 0, 0), c(1, 1, 1), null)},
                new Object[] {"node group restored from the hub", EKS, ONE, null, AWAKE,
                        new Decision.Change(c(0, 0, 0), AWAKE, null)});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wakes")
    void wake(String name, TargetKind kind, AsleepCapacity asleep, String tag, Capacity stored, Decision expected) {
        Decision decision = CapacityRules.decide(S, Action.WAKE, kind, asleep,
                new CapacityRules.Observed(c(0, 0, 0), tags(tag), Optional.ofNullable(stored), SLEPT), NOW);
        assertThat(decision).isEqualTo(expected);
    }

    private static Decision decide(Action action, TargetKind kind, Capacity current, Map<String, String> tags,
                                   Optional<Action> lastApplied) {
        return CapacityRules.decide(S, action, kind, ZERO,
                new CapacityRules.Observed(current, tags, Optional.empty(), lastApplied), NOW);
    }

    private static Map<String, String> tags(String awakeCapacity) {
        Map<String, String> tags = new HashMap<>();
        tags.put(OffhoursTags.SCHEDULE, S);
        if (awakeCapacity != null) {
            tags.put(OffhoursTags.AWAKE_CAPACITY, awakeCapacity);
        }
        return tags;
    }

    private static Decision alreadyAsleep(Capacity current) {
        return new Decision.Skip("already asleep at " + current, true);
    }

    private static Decision leftAtNoDesired(Capacity current) {
        return new Decision.Skip("the resource is at " + current + ", which offhours never records as awake capacity", false);
    }

    private static Decision leftCapped(Capacity current) {
        return new Decision.Skip("the resource is at " + current + ", which has the form of an asleep capacity", false);
    }

    private static Decision saveAndSleep(Capacity current, Capacity asleep) {
        return new Decision.Change(current, asleep, current);
    }

    private static Decision sleepKeepingSaved(Capacity current, Capacity asleep) {
        return new Decision.Change(current, asleep, null);
    }

    private static Capacity c(int min, int desired, int max) {
        return new Capacity(min, desired, max);
    }
}

package dev.offhours.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.TargetKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RESIZE: a share of the saved awake capacity (desired = ceil(awake desired x share), at least 1; min = min(awake
 * min, desired); max = awake max), never overwriting what is saved; and the capacity memory across sequences of
 * actions with RESIZE in them, ending in a WAKE that restores exactly the saved capacity.
 */
class ResizeRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T17:00:00Z");
    private static final String S = "evenings";
    private static final String SAVED = OffhoursTags.AWAKE_CAPACITY;

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("from awake with a saved capacity: desired rounds up, min and max kept", TargetKind.ASG, 30,
                        c(2, 10, 20), tags(SAVED, "min=2,desired=10,max=20"), Optional.of(Action.WAKE),
                        new Decision.Change(c(2, 10, 20), c(2, 3, 20), null)),
                arguments("min above the reduced desired comes down to it", TargetKind.ASG, 30, c(5, 10, 20),
                        tags(SAVED, "min=5,desired=10,max=20"), Optional.of(Action.WAKE),
                        new Decision.Change(c(5, 10, 20), c(3, 3, 20), null)),
                arguments("never below 1 desired", TargetKind.ASG, 1, c(0, 4, 8), tags(SAVED, "min=0,desired=4,max=8"),
                        Optional.of(Action.WAKE), new Decision.Change(c(0, 4, 8), c(0, 1, 8), null)),
                arguments("from asleep up to the share, keeping the saved capacity", TargetKind.EKS_NODEGROUP, 30,
                        c(0, 0, 1), tags(SAVED, "min=2,desired=10,max=20"), Optional.of(Action.SLEEP),
                        new Decision.Change(c(0, 0, 1), c(2, 3, 20), null)),
                arguments("from one share to another", TargetKind.ASG, 50, c(2, 3, 20),
                        tags(SAVED, "min=2,desired=10,max=20"), Optional.of(Action.RESIZE),
                        new Decision.Change(c(2, 3, 20), c(2, 5, 20), null)),
                arguments("already at the share", TargetKind.ASG, 30, c(2, 3, 20),
                        tags(SAVED, "min=2,desired=10,max=20"), Optional.of(Action.RESIZE),
                        new Decision.Skip("already at 30% of the saved awake capacity, min=2,desired=3,max=20", true)),
                arguments("nothing saved, running at its owner's capacity: saved first, then reduced",
                        TargetKind.EKS_NODEGROUP, 30, c(2, 10, 20), tags(), Optional.empty(),
                        new Decision.Change(c(2, 10, 20), c(2, 3, 20), c(2, 10, 20))),
                arguments("nothing saved and resized before: no share to take", TargetKind.ASG, 30, c(1, 3, 20),
                        tags(), Optional.of(Action.RESIZE), new Decision.Fail("NoSavedCapacity", "no awake capacity"
                                + " was saved for this resource (tag offhours.dev/awake-capacity is missing and the"
                                + " hub has none), so offhours cannot tell what 30% of it is; nothing was changed."
                                + " Scale it by hand or set the tag, e.g. min=2,desired=3,max=10")),
                arguments("the owner's keep-awake tag skips it", TargetKind.ASG, 30, c(2, 10, 20),
                        tags(SAVED, "min=2,desired=10,max=20", OffhoursTags.KEEP_AWAKE_UNTIL, "2026-03-03T00:00:00Z"),
                        Optional.of(Action.WAKE), new Decision.Skip("kept awake until 2026-03-03T00:00:00Z by tag"
                                + " offhours.dev/keep-awake-until", false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String description, TargetKind kind, int percent, Capacity current, Map<String, String> tags,
            Optional<Action> lastApplied, Decision expected) {
        CapacityRules.Observed observed = new CapacityRules.Observed(current, tags, Optional.empty(), lastApplied);

        assertThat(CapacityRules.decide(S, Action.RESIZE, percent, kind, AsleepCapacity.ZERO, observed, NOW))
                .isEqualTo(expected);
    }

    static Stream<Arguments> sequences() {
        return Stream.of(
                arguments("full, 30%, asleep, full", TargetKind.ASG, List.of("WAKE", "30", "SLEEP", "WAKE"),
                        List.of("2/10/20", "2/3/20", "0/0/0", "2/10/20")),
                arguments("asleep, 30%, full, 30%, asleep, full", TargetKind.EKS_NODEGROUP,
                        List.of("30", "WAKE", "30", "SLEEP", "WAKE"),
                        List.of("2/3/20", "2/10/20", "2/3/20", "0/0/1", "2/10/20")),
                arguments("first action of all a RESIZE saves what it found", TargetKind.ASG,
                        List.of("50", "SLEEP", "30", "WAKE"), List.of("2/5/20", "0/0/0", "2/3/20", "2/10/20")),
                arguments("a repeated RESIZE and a repeated SLEEP change nothing saved", TargetKind.ASG,
                        List.of("30", "30", "SLEEP", "SLEEP", "WAKE"),
                        List.of("2/3/20", "2/3/20", "0/0/0", "0/0/0", "2/10/20")));
    }

    /** Each step: WAKE, SLEEP, or a share for RESIZE; the target starts awake at 2/10/20 with nothing saved. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void theSavedCapacityOutlivesEveryResize(String description, TargetKind kind, List<String> steps,
            List<String> capacities) {
        Capacity current = c(2, 10, 20);
        Map<String, String> tags = tags();
        Optional<Action> lastApplied = Optional.empty();
        List<String> seen = new ArrayList<>();
        if (steps.get(0).equals("30")) {
            // start asleep, as the first sleep left it
            Decision sleep = CapacityRules.decide(S, Action.SLEEP, kind, AsleepCapacity.ZERO,
                    new CapacityRules.Observed(current, tags, Optional.empty(), lastApplied), NOW);
            current = apply(sleep, current, tags);
            lastApplied = Optional.of(Action.SLEEP);
        }
        for (String step : steps) {
            Action action = step.matches("[0-9]+") ? Action.RESIZE : Action.valueOf(step);
            int percent = action == Action.RESIZE ? Integer.parseInt(step) : 0;
            Decision decision = CapacityRules.decide(S, action, percent, kind, AsleepCapacity.ZERO,
                    new CapacityRules.Observed(current, tags, Optional.empty(), lastApplied), NOW);
            assertThat(decision).as(step).isNotInstanceOf(Decision.Fail.class);
            current = apply(decision, current, tags);
            lastApplied = Optional.of(action);
            seen.add(current.min() + "/" + current.desired() + "/" + current.max());
        }

        assertThat(seen).isEqualTo(capacities);
        assertThat(tags.get(SAVED)).isEqualTo("min=2,desired=10,max=20");
    }

    private static Capacity apply(Decision decision, Capacity current, Map<String, String> tags) {
        if (decision instanceof Decision.Change change) {
            if (change.saveAwake() != null) {
                tags.put(SAVED, OffhoursTags.formatCapacity(change.saveAwake()));
            }
            return change.to();
        }
        return current; // a skip changes nothing
    }

    @Test
    void theReducedCapacityOfEveryShareStaysWithinTheSavedOne() {
        Capacity awake = c(3, 7, 9);
        for (int percent = 1; percent < 100; percent++) {
            Capacity reduced = ResizeRules.reduced(awake, percent);
            assertThat(reduced.desired()).isBetween(1, awake.desired());
            assertThat(reduced.min()).isEqualTo(Math.min(awake.min(), reduced.desired()));
            assertThat(reduced.max()).isEqualTo(awake.max());
        }
    }

    private static Map<String, String> tags(String... keyValues) {
        Map<String, String> tags = new HashMap<>();
        tags.put(OffhoursTags.SCHEDULE, S);
        for (int i = 0; i < keyValues.length; i += 2) {
            tags.put(keyValues[i], keyValues[i + 1]);
        }
        return tags;
    }

    private static Capacity c(int min, int desired, int max) {
        return new Capacity(min, desired, max);
    }
}

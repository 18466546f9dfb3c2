package dev.offhours.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.TargetKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CapacityRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T17:00:00Z");
    private static final String S = "office-hours";
    private static final Capacity AWAKE = new Capacity(2, 3, 10);

    private static Map<String, String> tags(String... keyValues) {
        Map<String, String> tags = new HashMap<>();
        tags.put(OffhoursTags.SCHEDULE, S);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                tags.remove(keyValues[i]);
            } else {
                tags.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return tags;
    }

    private static Capacity c(int min, int desired, int max) {
        return new Capacity(min, desired, max);
    }

    static Stream<Arguments> cases() {
        String saved = OffhoursTags.AWAKE_CAPACITY;
        String keep = OffhoursTags.KEEP_AWAKE_UNTIL;
        return Stream.of(
                // action, kind, current, tags, stored, expected decision
                Arguments.of("first sleep of an ASG saves awake and goes to 0/0/0", Action.SLEEP, TargetKind.ASG, AWAKE, tags(), null,
                        new Decision.Change(AWAKE, c(0, 0, 0), AWAKE)),
                Arguments.of("first sleep of a node group keeps max 1", Action.SLEEP, TargetKind.EKS_NODEGROUP, AWAKE, tags(), null,
                        new Decision.Change(AWAKE, c(0, 0, 1), AWAKE)),
                Arguments.of("duplicate sleep is a no-op and keeps the saved capacity", Action.SLEEP, TargetKind.ASG, c(0, 0, 0),
                        tags(saved, "min=2,desired=3,max=10"), null, new Decision.Skip("already asleep at min=0,desired=0,max=0", true)),
                Arguments.of("sleep at 0/0/0 without saved capacity never records 0/0/0", Action.SLEEP, TargetKind.EKS_NODEGROUP, c(0, 0, 0),
                        tags(), null, new Decision.Skip("the resource is at min=0,desired=0,max=0, which offhours never records "
                                + "as awake capacity; leaving it as it is", false)),
                Arguments.of("resized while awake: the new awake capacity replaces the old one", Action.SLEEP, TargetKind.ASG,
                        c(1, 5, 10), tags(saved, "min=2,desired=3,max=10"), null, new Decision.Change(c(1, 5, 10), c(0, 0, 0), c(1, 5, 10))),
                Arguments.of("keep-awake in the future skips sleep", Action.SLEEP, TargetKind.ASG, AWAKE,
                        tags(keep, "2026-03-03T00:00:00Z"), null,
                        new Decision.Skip("kept awake until 2026-03-03T00:00:00Z by tag offhours.dev/keep-awake-until", false)),
                Arguments.of("expired keep-awake is ignored", Action.SLEEP, TargetKind.ASG, AWAKE,
                        tags(keep, "2026-03-02T17:00:00Z"), null, new Decision.Change(AWAKE, c(0, 0, 0), AWAKE)),
                Arguments.of("other schedule", Action.SLEEP, TargetKind.ASG, AWAKE, tags(OffhoursTags.SCHEDULE, "night"), null,
                        new Decision.Skip("the resource opted in to schedule 'night', not 'office-hours'", false)),
                Arguments.of("no opt-in tag", Action.WAKE, TargetKind.ASG, AWAKE, tags(OffhoursTags.SCHEDULE, null), null,
                        new Decision.Skip("the resource has no tag offhours.dev/schedule, so it has not opted in", false)),
                Arguments.of("wake restores exactly the tag", Action.WAKE, TargetKind.EKS_NODEGROUP, c(0, 0, 1),
                        tags(saved, "min=2,desired=3,max=10"), c(9, 9, 9), new Decision.Change(c(0, 0, 1), AWAKE, null)),
                Arguments.of("wake falls back on the store", Action.WAKE, TargetKind.ASG, c(0, 0, 0), tags(), AWAKE,
                        new Decision.Change(c(0, 0, 0), AWAKE, null)),
                Arguments.of("duplicate wake is a no-op", Action.WAKE, TargetKind.ASG, AWAKE, tags(saved, "min=2,desired=3,max=10"),
                        null, new Decision.Skip("already awake at min=2,desired=3,max=10", true)),
                Arguments.of("saved 0/0/0 is refused", Action.WAKE, TargetKind.ASG, c(0, 0, 0), tags(saved, "min=0,desired=0,max=0"),
                        null, new Decision.Fail("InvalidSavedCapacity", "the saved awake capacity is min=0,desired=0,max=0, "
                                + "which cannot be an awake capacity; nothing was changed")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, Action action, TargetKind kind, Capacity current, Map<String, String> tags, Capacity stored,
                 Decision expected) {
        Decision decision = CapacityRules.decide(S, action, kind, AsleepCapacity.ZERO,
                new CapacityRules.Observed(current, tags, Optional.ofNullable(stored)), NOW);
        assertThat(decision).isEqualTo(expected);
    }

    @Test
    void wakeWithoutSavedCapacityFailsClearly() {
        Decision decision = CapacityRules.decide(S, Action.WAKE, TargetKind.ASG, AsleepCapacity.ZERO,
                new CapacityRules.Observed(c(0, 0, 0), tags(), Optional.empty()), NOW);
        assertThat(decision).isInstanceOfSatisfying(Decision.Fail.class, f -> {
            assertThat(f.code()).isEqualTo("NoSavedCapacity");
            assertThat(f.reason()).contains("nothing was changed").contains("min=2,desired=3,max=10");
        });
    }

    /** What a wake does when nothing is saved: the first intent a hub forms wakes every target it has never slept. */
    @org.junit.jupiter.params.ParameterizedTest(name = "[{index}] {0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        never slept, running          | 1 | 2 | 4 | -     | Skip
        never slept, at desired 0     | 0 | 0 | 5 | -     | Fail
        put to sleep by offhours      | 1 | 2 | 4 | SLEEP | Fail
        last woken by offhours        | 1 | 2 | 4 | WAKE  | Skip
        """)
    void wakeWithNothingSavedSkipsATargetThatNeverSleptAndFailsOneThatDid(String story, int min, int desired, int max,
                                                                          Action lastApplied, String expected) {
        Decision decision = CapacityRules.decide(S, Action.WAKE, TargetKind.ASG, AsleepCapacity.ZERO,
                new CapacityRules.Observed(c(min, desired, max), tags(), Optional.empty(),
                        Optional.ofNullable(lastApplied)), NOW);

        assertThat(decision.getClass().getSimpleName()).as(story).isEqualTo(expected);
        if (decision instanceof Decision.Skip skip) {
            assertThat(skip.alreadyThere()).as(story).isTrue();
        }
    }

    @Test
    void eksSavedCapacityWithMaxZeroIsRefusedBeforeCallingAws() {
        Decision decision = CapacityRules.decide(S, Action.WAKE, TargetKind.EKS_NODEGROUP, AsleepCapacity.ZERO,
                new CapacityRules.Observed(c(0, 0, 1), tags(OffhoursTags.AWAKE_CAPACITY, "min=0,desired=0,max=0"),
                        Optional.empty()), NOW);
        assertThat(decision).isInstanceOf(Decision.Fail.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "asg|1|2|1,2,2",
            "asg|0|0|0,0,0",
            "eks-nodegroup|0|0|0,0,1",
            "eks-nodegroup|1|2|1,2,2"})
    void asleepCapacityPerKind(String kind, int min, int desired, String expected) {
        String[] p = expected.split(",");
        assertThat(CapacityRules.asleepCapacity(TargetKind.fromWireName(kind), new AsleepCapacity(min, desired)))
                .isEqualTo(c(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "min=2,desired=3,max=10|",
            "min=2, desired=3 ,max=10|",
            "min=2,desired=3|needs exactly min, desired and max",
            "min=2,desired=x,max=10|has 'desired=x'",
            "min=4,desired=3,max=10|min <= desired <= max",
            "''|is empty"})
    void capacityTagCodec(String value, String error) {
        if (error == null) {
            assertThat(OffhoursTags.parseCapacity(value)).isEqualTo(AWAKE);
            assertThat(OffhoursTags.formatCapacity(AWAKE)).isEqualTo("min=2,desired=3,max=10");
        } else {
            assertThatThrownBy(() -> OffhoursTags.parseCapacity(value)).hasMessageContaining(error);
        }
    }

    @Test
    void capacityRefusesAwsInvalidBounds() {
        assertThatThrownBy(() -> c(0, 4, 3)).hasMessage("capacity must satisfy min <= desired <= max, but was min=0,desired=4,max=3");
    }
}

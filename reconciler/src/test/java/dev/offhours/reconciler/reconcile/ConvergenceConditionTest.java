package dev.offhours.reconciler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.ConditionStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.time.PowerState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Converged condition of one schedule, case by case, at a fixed instant: Wednesday 19:05 in Berlin, five minutes
 * after the 19:00 sleep, with overdueAfter at its default of 10 minutes.
 */
class ConvergenceConditionTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-25T18:05:00Z"), ZoneOffset.UTC);
    static final Instant NOW = CLOCK.instant();
    static final Instant SLEEP = Instant.parse("2026-03-25T18:00:00Z");
    static final Duration OVERDUE_AFTER = Duration.ofMinutes(10);

    static final ConvergenceCondition.Wanted ASLEEP = new ConvergenceCondition.Wanted(PowerState.ASLEEP, false, SLEEP);
    static final ConvergenceCondition.Wanted AWAKE = new ConvergenceCondition.Wanted(PowerState.AWAKE, false, null);

    static ScheduleIntent intent(PowerState state, Instant since, String reason) {
        return ScheduleIntent.first("payments-dev", state, since, reason, "fp", "main@sha1:abc");
    }

    static ScheduleIntent counted(ScheduleIntent intent, int converged, int pending, int failed, Instant convergedAt) {
        return intent.withProgress(new ScheduleIntent.Progress(converged + pending + failed, converged, pending, failed,
                NOW.minusSeconds(5)), convergedAt);
    }

    static final ScheduleIntent ASLEEP_AT_SLEEP = intent(PowerState.ASLEEP, SLEEP, ScheduleIntent.TRANSITION);
    static final ScheduleIntent ASLEEP_LONG_AGO = intent(PowerState.ASLEEP, SLEEP.minus(Duration.ofMinutes(20)),
            ScheduleIntent.SCHEDULE_CHANGED);

    record Case(ScheduleIntent intent, ConvergenceCondition.Wanted wanted, Instant now, ConditionStatus status,
                String reason, boolean overdue, Instant lastTransitionTime, String says) {
    }

    static Stream<Arguments> cases() {
        Instant keepAwakeMerged = SLEEP.plusSeconds(20); // a keepAwake merged 20 s after the sleep fired
        var keepAwake = new ConvergenceCondition.Wanted(PowerState.AWAKE, false, keepAwakeMerged);
        var suspended = new ConvergenceCondition.Wanted(PowerState.ASLEEP, true, SLEEP);
        return Stream.of(
                Arguments.of("every target reached the intent", new Case(
                        counted(ASLEEP_AT_SLEEP, 3, 0, 0, SLEEP.plusSeconds(90)), ASLEEP, NOW,
                        ConditionStatus.TRUE, "Converged", false, SLEEP.plusSeconds(90),
                        "all 3 targets reached ASLEEP at 2026-03-25T18:01:30Z")),
                Arguments.of("two pending within overdueAfter", new Case(
                        counted(ASLEEP_AT_SLEEP, 1, 2, 0, null), ASLEEP, NOW,
                        ConditionStatus.UNKNOWN, "Converging", false, SLEEP,
                        "2 of 3 targets pending, 0 failed")),
                Arguments.of("not counted yet within overdueAfter", new Case(
                        ASLEEP_AT_SLEEP, ASLEEP, NOW,
                        ConditionStatus.UNKNOWN, "Converging", false, SLEEP, "no count of the targets yet")),
                Arguments.of("two pending past overdueAfter", new Case(
                        counted(ASLEEP_LONG_AGO, 1, 1, 1, null), ASLEEP, NOW,
                        ConditionStatus.FALSE, "NotConverged", true, ASLEEP_LONG_AGO.since(),
                        "not ASLEEP since 2026-03-25T17:40:00Z: 1 of 3 targets pending, 1 failed")),
                Arguments.of("exactly at the deadline is not yet overdue", new Case(
                        counted(ASLEEP_AT_SLEEP, 1, 2, 0, null), ASLEEP, SLEEP.plus(OVERDUE_AFTER),
                        ConditionStatus.UNKNOWN, "Converging", false, SLEEP, "overdue after 2026-03-25T18:10:00Z")),
                Arguments.of("nothing pending but a failure, past overdueAfter", new Case(
                        counted(ASLEEP_LONG_AGO, 2, 0, 1, SLEEP), ASLEEP, NOW,
                        ConditionStatus.FALSE, "NotConverged", true, ASLEEP_LONG_AGO.since(), "0 of 3 targets pending, 1 failed")),
                Arguments.of("suspended in the schedule and in the intent", new Case(
                        counted(intent(PowerState.ASLEEP, SLEEP.minus(Duration.ofDays(2)), ScheduleIntent.SUSPENDED),
                                0, 3, 0, null), suspended, NOW,
                        ConditionStatus.UNKNOWN, "Suspended", false, SLEEP.minus(Duration.ofDays(2)),
                        "the hub leaves the targets as they are")),
                Arguments.of("suspended before any intent", new Case(
                        null, suspended, NOW, ConditionStatus.UNKNOWN, "Suspended", false, null, "suspended")),
                Arguments.of("no intent yet", new Case(
                        null, ASLEEP, NOW, ConditionStatus.UNKNOWN, "NoIntentYet", false, null,
                        "has not formed an intent for this schedule yet; it wants ASLEEP now")),
                Arguments.of("converged intent but the calculus changed 20 s after it (keepAwake)", new Case(
                        counted(ASLEEP_AT_SLEEP, 3, 0, 0, SLEEP.plusSeconds(15)), keepAwake, NOW,
                        ConditionStatus.UNKNOWN, "IntentBehind", false, keepAwakeMerged,
                        "the schedule wants AWAKE now but the hub's intent is still ASLEEP (since 2026-03-25T18:00:00Z)")),
                Arguments.of("the loop did not catch up within overdueAfter", new Case(
                        counted(ASLEEP_AT_SLEEP, 3, 0, 0, SLEEP.plusSeconds(15)), keepAwake,
                        keepAwakeMerged.plus(OVERDUE_AFTER).plusSeconds(1),
                        ConditionStatus.FALSE, "IntentBehind", true, keepAwakeMerged, "has not caught up within PT10M")),
                Arguments.of("a lagging intent without a known change is blamed from its since", new Case(
                        counted(ASLEEP_LONG_AGO, 3, 0, 0, SLEEP), AWAKE, NOW,
                        ConditionStatus.FALSE, "IntentBehind", true, ASLEEP_LONG_AGO.since(), "still ASLEEP")),
                Arguments.of("suspended in the schedule, not yet in the intent", new Case(
                        counted(ASLEEP_AT_SLEEP, 1, 2, 0, null), suspended, NOW,
                        ConditionStatus.UNKNOWN, "IntentBehind", false, SLEEP, "the schedule is suspended but")),
                Arguments.of("the intent is suspended, the schedule no longer", new Case(
                        intent(PowerState.ASLEEP, SLEEP, ScheduleIntent.SUSPENDED), ASLEEP, NOW,
                        ConditionStatus.UNKNOWN, "IntentBehind", false, SLEEP, "intent is still suspended")),
                Arguments.of("an intent of removal for a schedule back in the revision", new Case(
                        intent(PowerState.AWAKE, SLEEP, ScheduleIntent.SCHEDULE_REMOVED), AWAKE, NOW,
                        ConditionStatus.UNKNOWN, "IntentBehind", false, SLEEP, "still for a removed schedule")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conditionOfOneSchedule(String name, Case c) {
        ConvergenceCondition condition = ConvergenceCondition.of(c.intent(), c.wanted(), c.now(), OVERDUE_AFTER);
        assertThat(condition.status()).isEqualTo(c.status());
        assertThat(condition.reason()).isEqualTo(c.reason());
        assertThat(condition.overdue()).isEqualTo(c.overdue());
        assertThat(condition.lastTransitionTime()).isEqualTo(c.lastTransitionTime());
        assertThat(condition.message()).contains(c.says());
        assertThat(condition.converged()).isEqualTo(c.status() == ConditionStatus.TRUE);
    }

    static Stream<Arguments> removed() {
        ScheduleIntent removal = intent(PowerState.AWAKE, SLEEP, ScheduleIntent.SCHEDULE_REMOVED);
        return Stream.of(
                Arguments.of(counted(removal, 1, 2, 0, null), NOW, "Converging", false),
                Arguments.of(counted(removal, 1, 2, 0, null), NOW.plus(OVERDUE_AFTER), "NotConverged", true),
                Arguments.of(counted(removal, 3, 0, 0, NOW), NOW.plus(OVERDUE_AFTER), "Converged", false));
    }

    @ParameterizedTest(name = "removed schedule at {1}: {2}")
    @MethodSource("removed")
    void aRemovedScheduleIsJudgedByItsWakeUp(ScheduleIntent intent, Instant now, String reason, boolean overdue) {
        ConvergenceCondition condition = ConvergenceCondition.ofRemoved(intent, now, OVERDUE_AFTER);
        assertThat(condition.reason()).isEqualTo(reason);
        assertThat(condition.overdue()).isEqualTo(overdue);
    }
}

package dev.offhours.reconciler.converge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.calendar.HolidaySource;
import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.port.AppliedIntent;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.time.Timeline;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.reconciler.converge.TargetRules.Verdict;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Three levels through the convergence rules: a schedule awake Mon-Fri 08:00-18:00 at full capacity and 18:00-22:00
 * at 30 % (UTC). Which intent each instant makes, and how a target is judged against the evening intent.
 */
class ReducedCapacityRulesTest {

    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Schedule EVENINGS = new Schedule("evenings", "team-a", "", ZoneId.of("UTC"), List.of(
            new AwakePeriod(WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(18, 0)),
            new AwakePeriod(WEEKDAYS, LocalTime.of(18, 0), LocalTime.of(22, 0), Set.of(), List.of(), Set.of(), 30)),
            List.of(), List.of(), List.of(), false, false, Scope.EVERYWHERE, AsleepCapacity.ZERO, "", Duration.ZERO);
    private static final Timeline TIMELINE = Timeline.of(EVENINGS, HolidaySource.none());
    private static final Instant EVENING = Instant.parse("2026-03-02T18:00:00Z");
    private static final Target TARGET = Target.asg("111111111111", "eu-west-1", "web");

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # story                                     | stored (state@percent@since) | now                  | new level@since
        the evening RESIZE is a transition          | AWAKE@100@2026-03-02T08:00:00Z | 2026-03-02T18:00:05Z | 30@2026-03-02T18:00:00Z
        the reduced intent holds in the evening     | AWAKE@30@2026-03-02T18:00:00Z  | 2026-03-02T20:00:00Z | -
        the night sleep after the reduced evening   | AWAKE@30@2026-03-02T18:00:00Z  | 2026-03-02T22:00:01Z | 0@2026-03-02T22:00:00Z
        the morning wake is to full capacity        | ASLEEP@0@2026-03-02T22:00:00Z  | 2026-03-03T08:00:01Z | 100@2026-03-03T08:00:00Z
        first start in the evening                  | -                              | 2026-03-02T19:00:00Z | 30@2026-03-02T18:00:00Z
        """)
    void intentsFollowTheLevel(String story, String stored, Instant now, String expected) {
        Wanted wanted = Wanted.of(EVENINGS, TIMELINE, AccountRegistry.EMPTY, "main@sha1:a", now);
        Optional<ScheduleIntent> storedIntent = Optional.ofNullable(stored).map(text -> {
            String[] f = text.split("@");
            return ScheduleIntent.first("evenings", PowerState.valueOf(f[0]), Integer.parseInt(f[1]),
                    Instant.parse(f[2]), ScheduleIntent.TRANSITION, wanted.fingerprint(), "main@sha1:a");
        });

        Optional<ScheduleIntent> next = IntentRules.next(storedIntent, wanted);

        if (expected == null) {
            assertThat(next).as(story).isEmpty();
        } else {
            String[] f = expected.split("@");
            assertThat(next).as(story).isPresent();
            assertThat(next.get().capacityPercent()).as(story).isEqualTo(Integer.parseInt(f[0]));
            assertThat(next.get().state()).isEqualTo(f[0].equals("0") ? PowerState.ASLEEP : PowerState.AWAKE);
            assertThat(next.get().since()).as(story).isEqualTo(Instant.parse(f[1]));
            assertThat(next.get().reason()).isEqualTo(ScheduleIntent.TRANSITION);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # story                                  | in scope | enforce | state  | current   | mark (action,outcome,updated) | verdict   | action | percent
        never touched                            | true     | false   | AWAKE  | 2/10/20   | -                             | SEND      | RESIZE | 30
        resized                                  | true     | true    | AWAKE  | 2/3/20    | RESIZE,SUCCEEDED,18:01        | CONVERGED | RESIZE | 30
        scaled up for the evening, no enforce    | true     | false   | AWAKE  | 2/10/20   | RESIZE,SUCCEEDED,18:01        | CONVERGED | RESIZE | 30
        scaled up for the evening, enforce       | true     | true    | AWAKE  | 2/10/20   | RESIZE,SUCCEEDED,18:01        | DRIFTED   | RESIZE | 30
        scaled down further, enforce             | true     | true    | AWAKE  | 1/1/20    | RESIZE,SUCCEEDED,18:01        | CONVERGED | RESIZE | 30
        put to sleep by hand, enforce            | true     | true    | ASLEEP | 0/0/0     | RESIZE,SUCCEEDED,18:01        | DRIFTED   | RESIZE | 30
        out of scope after it was reduced        | false    | false   | AWAKE  | 2/3/20    | RESIZE,SUCCEEDED,18:01        | HAND_BACK | WAKE   | 100
        """)
    void targetsAreJudgedAgainstTheReducedIntent(String story, boolean inScope, boolean enforce, TargetState state,
            String current, String mark, Verdict verdict, Action action, int percent) {
        ScheduleIntent intent = ScheduleIntent.first("evenings", PowerState.AWAKE, 30, EVENING,
                ScheduleIntent.TRANSITION, "", "main@sha1:a");
        InventoryItem item = new InventoryItem(TARGET, "evenings", Map.of(), capacity(current),
                new Capacity(2, 10, 20), state, null, InventoryItem.DISCOVERY, 1, EVENING, mark(mark));

        TargetRules.Judgement judgement = TargetRules.judge(intent, item, i -> inScope, enforce,
                Duration.ofMinutes(5), Instant.parse("2026-03-02T18:30:00Z"));

        assertThat(judgement.verdict()).as(story).isEqualTo(verdict);
        assertThat(judgement.action()).as(story).isEqualTo(action);
        assertThat(judgement.capacityPercent()).as(story).isEqualTo(percent);
    }

    private static Capacity capacity(String text) {
        String[] f = text.split("/");
        return new Capacity(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]));
    }

    private static AppliedIntent mark(String text) {
        if (text == null) {
            return null;
        }
        String[] f = text.split(",");
        return new AppliedIntent("evenings", EVENING, Action.valueOf(f[0]), OperationStatus.valueOf(f[1]), null,
                Instant.parse("2026-03-02T" + f[2] + ":00Z"));
    }
}

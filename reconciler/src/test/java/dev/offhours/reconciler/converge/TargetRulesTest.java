package dev.offhours.reconciler.converge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.AppliedIntent;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.reconciler.converge.TargetRules.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One target against the intent "office ASLEEP since 18:00", judged at 18:30 by its mark and known state. */
class TargetRulesTest {

    private static final Instant SINCE = Instant.parse("2026-03-02T18:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T18:30:00Z");
    private static final Target TARGET = Target.asg("111111111111", "eu-west-1", "web");

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # story                                      | in scope | removed | enforce | state   | mark (schedule,at,action,outcome,lease,updated)        | verdict   | action
        never touched                                | true     | false   | false   | AWAKE   | -                                                      | SEND      | SLEEP
        an older mark                                | true     | false   | false   | AWAKE   | office,2026-03-02T06:30:00Z,WAKE,SUCCEEDED,-,06:31     | SEND      | SLEEP
        a mark of another schedule                   | true     | false   | false   | AWAKE   | team-b,2026-03-02T19:00:00Z,WAKE,SUCCEEDED,-,06:31     | SEND      | SLEEP
        a worker on it                               | true     | false   | false   | AWAKE   | office,2026-03-02T18:00:00Z,SLEEP,-,18:33,18:28        | IN_FLIGHT | SLEEP
        a worker on it died, lease over              | true     | false   | false   | AWAKE   | office,2026-03-02T18:00:00Z,SLEEP,-,18:10,18:05        | SEND      | SLEEP
        done                                         | true     | false   | false   | ASLEEP  | office,2026-03-02T18:00:00Z,SLEEP,SUCCEEDED,-,18:01    | CONVERGED | SLEEP
        skipped (keep-awake tag)                     | true     | false   | false   | AWAKE   | office,2026-03-02T18:00:00Z,SLEEP,SKIPPED,-,18:01      | CONVERGED | SLEEP
        failed at this intent                        | true     | false   | false   | AWAKE   | office,2026-03-02T18:00:00Z,SLEEP,FAILED,-,18:01       | FAILED    | SLEEP
        a sweep failed: drifted, swept again later   | true     | false   | true    | AWAKE   | office,2026-03-02T18:20:00Z,SLEEP,FAILED,-,18:21       | DRIFTED   | SLEEP
        woken by its owner, no enforce               | true     | false   | false   | AWAKE   | office,2026-03-02T18:00:00Z,SLEEP,SUCCEEDED,-,18:01    | CONVERGED | SLEEP
        woken by its owner, enforce, settled         | true     | false   | true    | AWAKE   | office,2026-03-02T18:00:00Z,SLEEP,SUCCEEDED,-,18:01    | DRIFTED   | SLEEP
        woken by its owner, enforce, too soon        | true     | false   | true    | AWAKE   | office,2026-03-02T18:00:00Z,SLEEP,SUCCEEDED,-,18:28    | CONVERGED | SLEEP
        its account left after it slept              | false    | false   | false   | ASLEEP  | office,2026-03-02T18:00:00Z,SLEEP,SUCCEEDED,-,18:01    | HAND_BACK | WAKE
        out of scope (a new intent), asleep          | false    | false   | false   | ASLEEP  | office,2026-03-02T17:00:00Z,SLEEP,SUCCEEDED,-,17:01    | SEND      | WAKE
        out of scope, put to sleep, state unknown    | false    | false   | false   | UNKNOWN | office,2026-03-02T17:00:00Z,SLEEP,SUCCEEDED,-,17:01    | SEND      | WAKE
        out of scope and never ours                  | false    | false   | false   | AWAKE   | -                                                      | IGNORED   | WAKE
        out of scope, handed back already            | false    | false   | false   | AWAKE   | office,2026-03-02T18:00:00Z,WAKE,SUCCEEDED,-,18:01     | IGNORED   | WAKE
        removed schedule, asleep                     | true     | true    | false   | ASLEEP  | office,2026-03-02T06:30:00Z,SLEEP,SUCCEEDED,-,06:31    | SEND      | WAKE
        removed schedule, awake and not ours         | true     | true    | true    | AWAKE   | -                                                      | IGNORED   | WAKE
        """)
    void judgesEachTargetByItsMark(String story, boolean inScope, boolean removed, boolean enforce, TargetState state,
                                   String mark, Verdict verdict, Action action) {
        ScheduleIntent intent = new ScheduleIntent("office", removed ? PowerState.AWAKE : PowerState.ASLEEP, SINCE,
                removed ? ScheduleIntent.SCHEDULE_REMOVED : ScheduleIntent.TRANSITION, "", "", null, null, null, null,
                null, null, null, 1, 100);
        InventoryItem item = new InventoryItem(TARGET, "office", Map.of(), null, null, state, null,
                InventoryItem.DISCOVERY, 1, SINCE, parse(mark));

        TargetRules.Judgement judgement = TargetRules.judge(intent, item, i -> inScope, enforce,
                Duration.ofMinutes(5), NOW);

        assertThat(judgement.verdict()).as(story).isEqualTo(verdict);
        assertThat(judgement.action()).as(story).isEqualTo(action);
    }

    private static AppliedIntent parse(String mark) {
        if (mark == null) {
            return null;
        }
        String[] f = mark.split(",");
        return new AppliedIntent(f[0], Instant.parse(f[1]), Action.valueOf(f[2]),
                f[3].equals("-") ? null : OperationStatus.valueOf(f[3]),
                f[4].equals("-") ? null : at(f[4]), at(f[5]));
    }

    private static Instant at(String hhmm) {
        return Instant.parse("2026-03-02T" + hhmm + ":00Z");
    }
}

package dev.offhours.reconciler.converge;

import static dev.offhours.reconciler.dispatch.DispatchFixtures.ACCOUNTS;
import static dev.offhours.reconciler.dispatch.DispatchFixtures.office;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.calendar.HolidaySource;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.schedule.AccountRegistry;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.schedule.KeepAwake;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.Scope;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.time.Timeline;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The office schedule (Europe/Paris, Mon-Fri 07:30-19:00, so 06:30-18:00 UTC in March) against a stored intent:
 * when a new intent is formed, with which state, instant and reason. Each row names the story it stands for.
 */
class IntentRulesTest {

    private static final String NAME = "office";

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # story                                            | stored (state@since/reason) | now                  | change      | new state | new since                | new reason
        first start in the evening                         | -                           | 2026-03-02T18:20:00Z | none        | ASLEEP    | 2026-03-02T18:00:00Z     | Transition
        first start with a keepAwake running               | -                           | 2026-03-02T18:20:00Z | keepAwake   | AWAKE     | 2026-03-02T18:20:00Z     | CaughtUp
        first start of a suspended schedule                | -                           | 2026-03-02T18:20:00Z | suspend     | ASLEEP    | 2026-03-02T18:20:00Z     | Suspended
        the stored intent still holds                      | ASLEEP@2026-03-02T18:00:00Z | 2026-03-02T18:20:00Z | none        | -         | -                        | -
        hub back at 19:20 after missing the sleep          | AWAKE@2026-03-02T06:30:00Z  | 2026-03-02T18:20:00Z | none        | ASLEEP    | 2026-03-02T18:00:00Z     | Transition
        hub back the next morning: only the latest counts  | AWAKE@2026-03-02T06:30:00Z  | 2026-03-03T07:00:00Z | none        | -         | -                        | -
        back Monday after a weekend whose sleep was missed | AWAKE@2026-03-06T06:30:00Z  | 2026-03-09T07:00:00Z | none        | -         | -                        | -
        back Monday, the Friday sleep was applied          | ASLEEP@2026-03-06T18:00:00Z | 2026-03-09T07:00:00Z | none        | AWAKE     | 2026-03-09T06:30:00Z     | Transition
        keepAwake merged 20 s after the sleep              | ASLEEP@2026-03-02T18:00:00Z | 2026-03-02T18:00:20Z | keepAwake   | AWAKE     | 2026-03-02T18:00:20Z     | ScheduleChanged
        its revert 40 s after the sleep                    | AWAKE@2026-03-02T18:00:20Z  | 2026-03-02T18:00:40Z | none        | ASLEEP    | 2026-03-02T18:00:40Z     | ScheduleChanged
        a merge and its revert in one millisecond          | AWAKE@2026-03-02T18:00:40Z  | 2026-03-02T18:00:40Z | none        | ASLEEP    | 2026-03-02T18:00:40.001Z | ScheduleChanged
        the asleep shape changed while asleep              | ASLEEP@2026-03-02T18:00:00Z | 2026-03-02T20:00:00Z | asleep      | ASLEEP    | 2026-03-02T20:00:00Z     | ScheduleChanged
        an account left accounts.yaml: handed back within | ASLEEP@2026-03-02T18:00:00Z | 2026-03-02T20:00:00Z | accounts    | -         | -                        | -
        the scope changed                                  | ASLEEP@2026-03-02T18:00:00Z | 2026-03-02T20:00:00Z | scope       | ASLEEP    | 2026-03-02T20:00:00Z     | ScheduleChanged
        suspended while asleep                             | ASLEEP@2026-03-02T18:00:00Z | 2026-03-02T20:00:00Z | suspend     | ASLEEP    | 2026-03-02T20:00:00Z     | Suspended
        the schedule file was removed                      | ASLEEP@2026-03-02T18:00:00Z | 2026-03-02T20:00:00Z | removed     | AWAKE     | 2026-03-02T20:00:00Z     | ScheduleRemoved
        a removed schedule stays removed                   | AWAKE@2026-03-02T20:00:00Z/ScheduleRemoved | 2026-03-02T21:00:00Z | removed | - | -                  | -
        a removed schedule added back                      | AWAKE@2026-03-02T20:00:00Z/ScheduleRemoved | 2026-03-02T21:00:00Z | none | ASLEEP | 2026-03-02T21:00:00Z   | ScheduleChanged
        a schedule never seen is removed                   | -                           | 2026-03-02T20:00:00Z | removed     | -         | -                        | -
        """)
    void formsANewIntentOnlyWhenWhatTheRevisionWantsChanged(String story, String stored, Instant now, String change,
                                                            PowerState state, Instant since, String reason) {
        Schedule base = office(NAME, Scope.EVERYWHERE);
        Schedule schedule = switch (change) {
            case "keepAwake" -> with(base, List.of(new KeepAwake(now.plusSeconds(3600), "release night")), false,
                    base.asleep());
            case "suspend" -> with(base, List.of(), true, base.asleep());
            case "asleep" -> with(base, List.of(), false, new AsleepCapacity(1, 1));
            case "scope" -> office(NAME, new Scope(List.of("prod"), List.of()));
            default -> base;
        };
        AccountRegistry accounts = change.equals("accounts")
                ? new AccountRegistry(ACCOUNTS.accounts().subList(0, 2)) : ACCOUNTS;
        Wanted wanted = change.equals("removed") ? Wanted.removed(NAME, "main@sha1:new", now)
                : Wanted.of(schedule, Timeline.of(schedule, HolidaySource.none()), accounts, "main@sha1:new", now);

        Optional<ScheduleIntent> next = IntentRules.next(parse(stored, base), wanted);

        if (state == null) {
            assertThat(next).as(story).isEmpty();
        } else {
            assertThat(next).as(story).isPresent();
            assertThat(next.get().state()).as(story).isEqualTo(state);
            assertThat(next.get().since()).as(story).isEqualTo(since);
            assertThat(next.get().reason()).as(story).isEqualTo(reason);
        }
    }

    private static Optional<ScheduleIntent> parse(String stored, Schedule schedule) {
        if (stored == null) {
            return Optional.empty();
        }
        String[] stateAndRest = stored.split("@");
        String[] sinceAndReason = stateAndRest[1].split("/");
        String reason = sinceAndReason.length > 1 ? sinceAndReason[1] : ScheduleIntent.TRANSITION;
        String fingerprint = reason.equals(ScheduleIntent.SCHEDULE_REMOVED) ? "removed"
                : Wanted.fingerprint(schedule, ACCOUNTS);
        return Optional.of(new ScheduleIntent(NAME, PowerState.valueOf(stateAndRest[0]),
                Instant.parse(sinceAndReason[0]), reason, fingerprint, "main@sha1:old", null, null, null, null,
                null, null, null, 3, 100));
    }

    private static Schedule with(Schedule s, List<KeepAwake> keepAwake, boolean suspend, AsleepCapacity asleep) {
        return new Schedule(s.name(), s.owner(), s.description(), s.timeZone(), s.awake(), s.calendars(),
                s.sleepOn(), keepAwake, suspend, s.enforce(), s.scope(), asleep, s.file());
    }
}

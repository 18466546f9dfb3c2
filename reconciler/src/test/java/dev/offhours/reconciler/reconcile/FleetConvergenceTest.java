package dev.offhours.reconciler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.calendar.HolidaySources;
import dev.offhours.core.port.ConditionStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.time.Timeline;
import dev.offhours.reconciler.repository.DirectoryRevisionReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template repository's schedules against intents in every condition, and removed schedules being woken. */
class FleetConvergenceTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-25T09:00:00Z"), ZoneOffset.UTC);
    static final Instant NOW = CLOCK.instant();
    static final Duration OVERDUE_AFTER = Duration.ofMinutes(10);
    static final ScheduleCatalog CATALOG = new RepositoryReader()
            .read(new DirectoryRevisionReader().read(Path.of("..", "schedules-repo-template"))).catalog();

    static PowerState stateNow(String name) {
        Schedule s = CATALOG.schedules().get(name);
        return Timeline.of(s, HolidaySources.forSchedule(s, CATALOG.calendars())).stateAt(NOW);
    }

    static ScheduleIntent intent(String name, PowerState state, Duration ago, String reason, int pending, int failed,
                                 boolean converged) {
        Instant since = NOW.minus(ago);
        return ScheduleIntent.first(name, state, since, reason, "fp", "main@sha1:abc")
                .withProgress(new ScheduleIntent.Progress(3, 3 - pending - failed, pending, failed, NOW),
                        converged ? since.plusSeconds(60) : null);
    }

    @Test
    void countsOverdueSchedulesPendingTargetsAndRemovedSchedulesStillWaking() {
        List<ScheduleIntent> intents = new ArrayList<>();
        for (String name : CATALOG.schedules().keySet()) {
            PowerState state = stateNow(name);
            switch (name) {
                case "ml-sandbox" -> intents.add(intent(name, state, Duration.ofDays(3), ScheduleIntent.SUSPENDED, 0,
                        0, false));
                case "data-platform-dev" -> intents.add(intent(name, state, Duration.ofMinutes(30),
                        ScheduleIntent.TRANSITION, 2, 1, false));
                case "munich-ci-runners" -> intents.add(intent(name, state, Duration.ofMinutes(2),
                        ScheduleIntent.TRANSITION, 1, 0, false));
                case "payments-dev" -> intents.add(intent(name, state == PowerState.AWAKE ? PowerState.ASLEEP
                        : PowerState.AWAKE, Duration.ofHours(1), ScheduleIntent.TRANSITION, 3, 0, false));
                case "support-late-shift" -> { } // no intent yet
                default -> intents.add(intent(name, state, Duration.ofHours(2), ScheduleIntent.TRANSITION, 0, 0,
                        true));
            }
        }
        intents.add(intent("gone-overdue", PowerState.AWAKE, Duration.ofHours(1), ScheduleIntent.SCHEDULE_REMOVED, 2,
                0, false));
        intents.add(intent("gone-woken", PowerState.AWAKE, Duration.ofHours(1), ScheduleIntent.SCHEDULE_REMOVED, 0, 0,
                true));

        FleetConvergence fleet = FleetConvergence.of(CATALOG, intents, NOW, OVERDUE_AFTER);

        assertThat(fleet.schedules().keySet()).containsExactlyElementsOf(CATALOG.schedules().keySet());
        assertThat(fleet.byReason()).isEqualTo(Map.of("Converged", 1L, "Converging", 1L, "NotConverged", 1L,
                "IntentBehind", 1L, "Suspended", 1L, "NoIntentYet", 1L));
        assertThat(fleet.schedules().get("payments-dev").reason()).isEqualTo("IntentBehind");
        assertThat(fleet.schedules().get("payments-dev").overdue()).isTrue();
        assertThat(fleet.removed()).extracting(c -> c.intent().schedule()).containsExactly("gone-overdue");
        assertThat(fleet.overdueSchedules()).containsExactly("data-platform-dev", "gone-overdue", "payments-dev");
        assertThat(fleet.overdue()).isEqualTo(3);
        // data-platform-dev 2, munich-ci-runners 1, gone-overdue 2; the lagging payments-dev's 3 count for nothing
        assertThat(fleet.pendingTargets()).isEqualTo(5);
        assertThat(fleet.failedTargets()).isEqualTo(1);

        ConvergenceCondition condition = fleet.condition();
        assertThat(condition.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(condition.reason()).isEqualTo("NotConverged");
        assertThat(condition.message()).startsWith("3 of 7 schedules not converged within PT10M: data-platform-dev, "
                + "gone-overdue, payments-dev; 5 targets pending, 1 failed");
        assertThat(condition.lastTransitionTime()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void theFleetIsConvergedWhenEveryScheduleButTheSuspendedOnesIs() {
        List<ScheduleIntent> intents = new ArrayList<>();
        for (String name : CATALOG.schedules().keySet()) {
            boolean suspended = CATALOG.schedules().get(name).suspend();
            intents.add(intent(name, stateNow(name), Duration.ofHours(2),
                    suspended ? ScheduleIntent.SUSPENDED : ScheduleIntent.TRANSITION, 0, 0, !suspended));
        }
        FleetConvergence fleet = FleetConvergence.of(CATALOG, intents, NOW, OVERDUE_AFTER);
        assertThat(fleet.condition().status()).isEqualTo(ConditionStatus.TRUE);
        assertThat(fleet.condition().message()).isEqualTo("every schedule converged (1 suspended)");
        assertThat(fleet.overdue()).isZero();
        assertThat(fleet.pendingTargets()).isZero();
    }

    @Test
    void withoutIntentsTheFleetIsUnknownNotHealthy() {
        FleetConvergence fleet = FleetConvergence.of(CATALOG, List.of(), NOW, OVERDUE_AFTER);
        assertThat(fleet.condition().status()).isEqualTo(ConditionStatus.UNKNOWN);
        assertThat(fleet.condition().reason()).isEqualTo("Converging");
        assertThat(fleet.byReason().get("NoIntentYet")).isEqualTo(5L);
        assertThat(fleet.byReason().get("Suspended")).isEqualTo(1L);
    }
}

package dev.offhours.reconciler.api;

import dev.offhours.api.ConvergenceView;
import dev.offhours.api.IntervalView;
import dev.offhours.api.LastTransitionView;
import dev.offhours.api.ScheduleView;
import dev.offhours.api.TransitionView;
import dev.offhours.core.calendar.HolidaySources;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.time.StateInterval;
import dev.offhours.core.time.Timeline;
import dev.offhours.core.time.Transition;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A schedule with its time calculus: state now, the next 7 days, targets, the last transition, convergence. */
final class ScheduleViews {

    static final Duration AHEAD = Duration.ofDays(7);

    private ScheduleViews() {
    }

    static ScheduleView view(Schedule schedule, ScheduleCatalog catalog, Instant now, Map<String, Long> targets,
                             ScheduleIntent last, Map<String, Long> lastResults,
                             ConvergenceView convergence) {
        Timeline timeline = Timeline.of(schedule, HolidaySources.forSchedule(schedule, catalog.calendars()));
        ZoneId zone = timeline.timeZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<TransitionView> next = timeline.transitions(now, now.plus(AHEAD)).stream()
                .map(t -> transition(t, zone)).toList();
        List<IntervalView> intervals = timeline.intervals(today, today.plusDays(6)).stream()
                .map(i -> interval(i, zone)).toList();
        // the intent whose items were all sent once: its instant, state, targets and their records
        LastTransitionView lastView = last == null || last.firstPassAt() == null ? null
                : new LastTransitionView(Views.text(last.since()), last.state().name(),
                        last.progress() == null ? 0 : last.progress().targets(), Views.text(last.firstPassAt()),
                        lastResults);
        return new ScheduleView(schedule.name(), schedule.owner(), schedule.description(), schedule.file(),
                zone.getId(), schedule.suspend(), schedule.enforce(), schedule.scope().accounts(),
                schedule.scope().regions(), timeline.stateAt(now).name(), next, intervals, targets, lastView,
                convergence);
    }

    private static TransitionView transition(Transition t, ZoneId zone) {
        return new TransitionView(t.at().toString(), local(t.at(), zone), t.state().name());
    }

    private static IntervalView interval(StateInterval i, ZoneId zone) {
        return new IntervalView(i.state().name(), i.from().toString(), i.to().toString(), local(i.from(), zone),
                local(i.to(), zone), i.state() == PowerState.AWAKE ? i.capacityPercent() : null);
    }

    static String local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().toString();
    }
}

package dev.offhours.reconciler.transition;

import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.time.Timeline;
import dev.offhours.core.time.Transition;
import dev.offhours.reconciler.dispatch.ScheduledTimeline;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One registered schedule and the transitions around the last instant asked about. The per-minute catch-up check
 * asks every schedule for its last transition; between two transitions the answer cannot change, so it is computed
 * once per transition rather than once per minute.
 */
final class RegisteredSchedule {

    /** Recompute at least this often when a schedule has no next transition within the calculus' horizon. */
    private static final Duration MAX_CACHE = Duration.ofDays(1);

    private final ScheduledTimeline scheduled;
    private Instant computedAt;
    private Instant validUntil;
    private Optional<Transition> last = Optional.empty();
    private Optional<Transition> next = Optional.empty();

    RegisteredSchedule(Schedule schedule, Timeline timeline) {
        this.scheduled = new ScheduledTimeline(schedule, timeline);
    }

    Schedule schedule() {
        return scheduled.schedule();
    }

    Timeline timeline() {
        return scheduled.timeline();
    }

    ScheduledTimeline scheduled() {
        return scheduled;
    }

    String name() {
        return scheduled.name();
    }

    synchronized Optional<Transition> lastTransition(Instant now) {
        refresh(now);
        return last;
    }

    synchronized Optional<Transition> nextTransition(Instant now) {
        refresh(now);
        return next;
    }

    private void refresh(Instant now) {
        if (computedAt != null && !now.isBefore(computedAt) && now.isBefore(validUntil)) {
            return;
        }
        last = timeline().lastTransition(now);
        next = timeline().nextTransition(now);
        computedAt = now;
        validUntil = next.map(Transition::at).orElse(now.plus(MAX_CACHE));
    }
}

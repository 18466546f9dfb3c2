package dev.offhours.reconciler.dispatch;

import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.time.Timeline;
import java.util.Objects;

/** A registered schedule with the time calculus of its applied revision. */
public record ScheduledTimeline(Schedule schedule, Timeline timeline) {

    public ScheduledTimeline {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(timeline, "timeline");
    }

    public String name() {
        return schedule.name();
    }
}

package dev.offhours.core.time;

import dev.offhours.core.calendar.HolidaySource;
import dev.offhours.core.schedule.Schedule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The time calculus of one schedule (DESIGN.md section 3). Pure: every method takes the instants it needs.
 */
public final class Timeline {

    public static Timeline of(Schedule schedule, HolidaySource holidays) {
        throw new UnsupportedOperationException("TODO");
    }

    /** What the schedule wants at {@code instant}. */
    public PowerState stateAt(Instant instant) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Every transition with {@code from <= at < to}, strictly increasing, alternating in state. */
    public List<Transition> transitions(Instant from, Instant to) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The first transition strictly after {@code instant}, if one happens within the search horizon. */
    public Optional<Transition> nextTransition(Instant instant) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The latest transition at or before {@code instant}, if one happened within the search horizon. */
    public Optional<Transition> lastTransition(Instant instant) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Contiguous intervals covering [{@code from}, {@code to}), adjacent ones in different states. */
    public List<StateInterval> intervals(Instant from, Instant to) {
        throw new UnsupportedOperationException("TODO");
    }
}

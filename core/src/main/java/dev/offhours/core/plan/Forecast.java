package dev.offhours.core.plan;

import dev.offhours.core.time.PowerState;
import dev.offhours.core.time.Transition;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What one revision of a schedule wants over the plan's horizon: its state at the plan's reference instant and
 * every transition after it, with the zone its local times are read in.
 *
 * @param suspended       the revision suspends the schedule: the transitions are what it would do, but no work
 *                        happens while it is suspended
 * @param keptAwakeUntil  a keepAwake override still running at the reference instant, and until when
 * @param warmUp          the schedule's warm-up (zero for none): its wake-ups are already that much earlier
 */
public record Forecast(ZoneId timeZone, PowerState stateAtStart, List<Transition> transitions, boolean suspended,
        Optional<Instant> keptAwakeUntil, Duration warmUp) {
    public Forecast {
        transitions = List.copyOf(transitions);
        warmUp = warmUp == null ? Duration.ZERO : warmUp;
    }
}

package dev.offhours.reconciler.transition;

import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.DispatchedTransition;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.time.Transition;
import dev.offhours.reconciler.dispatch.DispatchResult;
import dev.offhours.reconciler.dispatch.Dispatcher;
import dev.offhours.reconciler.dispatch.Revision;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What happens when a schedule's job runs, whatever made it run (its trigger, a misfire, the catch-up check):
 * level, not edge. The schedule's latest transition at or before now is dispatched unless it, or a later one, was
 * dispatched already; older transitions are never replayed, because the latest one alone says what the targets
 * should be now. So a hub down at 19:00 and back at 19:20 dispatches the 19:00 sleep, and one back at 08:00 the
 * next day dispatches the 07:30 wake and nothing of the night. There is deliberately no age limit on a catch-up:
 * however long the hub was away, the latest transition is still what the schedule wants.
 */
final class TransitionFiring {

    private final ControlStore control;
    private final Dispatcher dispatcher;
    private final Supplier<Revision> revision;

    TransitionFiring(ControlStore control, Dispatcher dispatcher, Supplier<Revision> revision) {
        this.control = control;
        this.dispatcher = dispatcher;
        this.revision = revision;
    }

    /** Dispatches the latest transition at or before {@code now} if it is due; empty when nothing was due. */
    Optional<DispatchResult> applyLatest(RegisteredSchedule entry, Instant now) {
        Optional<Transition> last = entry.lastTransition(now);
        if (last.isEmpty() || !isDue(last.get(), control.latestDispatch(entry.name()))) {
            return Optional.empty();
        }
        Transition transition = last.get();
        return Optional.of(dispatcher.dispatch(entry.schedule(), transition.at(), transition.state(), revision.get()));
    }

    /**
     * A changed schedule that wants a different state now than the version it replaced: applies the new state at
     * once rather than at the next transition (keyed by the minute, so replicas applying the change within the same
     * minute send once).
     */
    DispatchResult applyState(RegisteredSchedule entry, Instant now) {
        PowerState state = entry.timeline().stateAt(now);
        return dispatcher.dispatch(entry.schedule(), now.truncatedTo(ChronoUnit.MINUTES), state, revision.get());
    }

    static boolean isDue(Transition last, Optional<DispatchedTransition> latest) {
        return latest.isEmpty() || last.at().isAfter(latest.get().transition());
    }
}

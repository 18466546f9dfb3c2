package dev.offhours.reconciler.converge;

import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.time.Transition;
import java.time.Instant;
import java.util.Optional;

/**
 * When a schedule needs a new intent, and with which instant: the level-triggered heart of the hub. The stored
 * intent holds while it still says what the revision wants; anything else makes a new one:
 *
 * <pre>
 * stored          wanted                                     new intent (state, since, reason)
 * --------------  -----------------------------------------  --------------------------------------------------
 * none            removed                                    none (nothing of ours to hand back)
 * none            suspended                                  (state, at, Suspended)
 * none            a transition set the state                 (state, that transition, Transition)
 * none            no transition explains it (keepAwake)      (state, at, CaughtUp)
 * any             same suspended/removed, state (and         none: the stored one holds
 *                 capacity), fingerprint
 * removed         removed                                    none
 * any             removed                                    (AWAKE, at, ScheduleRemoved)
 * any             suspended                                  (state, at, Suspended)
 * any             a transition later than stored.since set   (state, that transition, Transition)
 *                 the state (or, a RESIZE, the capacity) and
 *                 nothing else changed
 * any             anything else (keepAwake, suspend lifted,  (state, at, ScheduleChanged)
 *                 scope, asleep shape, accounts, a merge in
 *                 the minute of a transition)
 * </pre>
 *
 * A new intent's instant is always after the stored one's, so the worker can order every pair of items of a schedule
 * even when a merge and its revert land within one second.
 */
public final class IntentRules {

    private IntentRules() {
    }

    public static Optional<ScheduleIntent> next(Optional<ScheduleIntent> stored, Wanted wanted) {
        if (stored.isEmpty()) {
            return wanted.removed() ? Optional.empty() : Optional.of(first(wanted));
        }
        ScheduleIntent intent = stored.get();
        if (holds(intent, wanted)) {
            return Optional.empty();
        }
        if (wanted.removed()) {
            return Optional.of(intent.next(PowerState.AWAKE, after(intent, wanted.at()), ScheduleIntent.SCHEDULE_REMOVED,
                    wanted.fingerprint(), wanted.revision()));
        }
        if (wanted.suspended()) {
            return Optional.of(intent.next(wanted.state(), wanted.capacityPercent(), after(intent, wanted.at()),
                    ScheduleIntent.SUSPENDED, wanted.fingerprint(), wanted.revision()));
        }
        Optional<Transition> last = wanted.last();
        boolean scheduled = last.isPresent() && setsWhatIsWanted(last.get(), wanted)
                && last.get().at().isAfter(intent.since()) && !intent.suspended() && !intent.removed()
                && intent.fingerprint().equals(wanted.fingerprint());
        return Optional.of(scheduled
                ? intent.next(wanted.state(), wanted.capacityPercent(), last.get().at(), ScheduleIntent.TRANSITION,
                        wanted.fingerprint(), wanted.revision())
                : intent.next(wanted.state(), wanted.capacityPercent(), after(intent, wanted.at()),
                        ScheduleIntent.SCHEDULE_CHANGED, wanted.fingerprint(), wanted.revision()));
    }

    private static ScheduleIntent first(Wanted wanted) {
        if (wanted.suspended()) {
            return ScheduleIntent.first(wanted.schedule(), wanted.state(), wanted.capacityPercent(), wanted.at(),
                    ScheduleIntent.SUSPENDED, wanted.fingerprint(), wanted.revision());
        }
        Optional<Transition> last = wanted.last().filter(t -> setsWhatIsWanted(t, wanted));
        return last.isPresent()
                ? ScheduleIntent.first(wanted.schedule(), wanted.state(), wanted.capacityPercent(), last.get().at(),
                        ScheduleIntent.TRANSITION, wanted.fingerprint(), wanted.revision())
                : ScheduleIntent.first(wanted.schedule(), wanted.state(), wanted.capacityPercent(), wanted.at(),
                        ScheduleIntent.CAUGHT_UP, wanted.fingerprint(), wanted.revision());
    }

    /** The transition leads to the wanted state at the wanted capacity (a RESIZE is a transition too). */
    private static boolean setsWhatIsWanted(Transition transition, Wanted wanted) {
        return transition.state() == wanted.state() && transition.capacityPercent() == wanted.capacityPercent();
    }

    /** True when the stored intent still says what the revision wants. */
    static boolean holds(ScheduleIntent intent, Wanted wanted) {
        if (intent.removed() || wanted.removed()) {
            return intent.removed() && wanted.removed();
        }
        return intent.suspended() == wanted.suspended() && intent.state() == wanted.state()
                && intent.capacityPercent() == wanted.capacityPercent()
                && intent.fingerprint().equals(wanted.fingerprint());
    }

    /** {@code at}, or just after the stored intent when the clock is not past it (two changes in one millisecond). */
    private static Instant after(ScheduleIntent intent, Instant at) {
        return at.isAfter(intent.since()) ? at : intent.since().plusMillis(1);
    }
}

package dev.offhours.core.capacity;

import dev.offhours.core.work.TargetKind;
import java.time.Instant;
import java.util.Optional;

/**
 * What RESIZE does: run a target at a share of its saved awake capacity, from awake, asleep or another share.
 *
 * <p>The reduced capacity of a saved awake capacity {@code min/desired/max} at share {@code p} is desired =
 * ceil(desired x p), at least 1; min = the smaller of the saved min and that desired; max = the saved max. It never
 * overwrites a saved awake capacity. With nothing saved, a target that offhours has neither put to sleep nor resized
 * and that is running is at its owner's awake capacity: that is saved first (as the first SLEEP would), then reduced.
 * Anything else with nothing saved fails as a WAKE does, since there is nothing to take a share of. The owner's
 * keep-awake tag skips it, as it skips a SLEEP.
 */
final class ResizeRules {

    private ResizeRules() {
    }

    /** The capacity a target saved at {@code awake} runs at with {@code percent} of it. */
    static Capacity reduced(Capacity awake, int percent) {
        int desired = Math.max(1, (awake.desired() * percent + 99) / 100);
        return new Capacity(Math.min(awake.min(), desired), desired, Math.max(awake.max(), desired));
    }

    static Decision resize(TargetKind kind, Capacity asleep, int percent,
                           CapacityRules.Observed observed, Instant now) {
        Optional<Decision> kept = CapacityRules.keptAwake(observed, now, "reducing");
        if (kept.isPresent()) {
            return kept.get();
        }
        Optional<Capacity> saved;
        try {
            saved = CapacityRules.savedAwake(observed);
        } catch (IllegalArgumentException e) {
            return new Decision.Fail("InvalidSavedCapacity", e.getMessage() + "; nothing was changed");
        }
        Capacity awake;
        Capacity save = null;
        if (saved.isPresent()) {
            awake = saved.get();
        } else if (CapacityRules.neverSleptAndRunning(asleep, observed)) {
            awake = observed.current();
            save = awake;
        } else {
            return new Decision.Fail("NoSavedCapacity", "no awake capacity was saved for this resource (tag "
                    + OffhoursTags.AWAKE_CAPACITY + " is missing and the hub has none), so offhours cannot tell what "
                    + percent + "% of it is; nothing was changed. Scale it by hand or set the tag, e.g."
                    + " min=2,desired=3,max=10");
        }
        Capacity target = reduced(awake, percent);
        Optional<String> invalid = CapacityRules.invalidFor(kind, target);
        if (invalid.isPresent()) {
            return new Decision.Fail("InvalidSavedCapacity", percent + "% of the saved awake capacity " + awake
                    + " is " + target + ", which is not allowed: " + invalid.get() + "; nothing was changed");
        }
        if (save == null && observed.current().equals(target)) {
            return new Decision.Skip("already at " + percent + "% of the saved awake capacity, " + target, true);
        }
        return new Decision.Change(observed.current(), target, save);
    }
}

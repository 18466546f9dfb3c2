package dev.offhours.core.capacity;

import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.TargetKind;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of DESIGN.md section 4, as one pure function from what a target looks like to what to do with it.
 * The cloud is lenient in places (moto accepts an EKS maxSize of 0 or desired above max), so every capacity we
 * would set is checked here against AWS's own rules before anything is called.
 */
public final class CapacityRules {

    private CapacityRules() {
    }

    /** What a target looks like now: its capacity and tags, and the awake capacity the hub's store remembers. */
    public record Observed(Capacity current, Map<String, String> tags, Optional<Capacity> storedAwake) {
        public Observed {
            tags = Map.copyOf(tags);
            storedAwake = storedAwake == null ? Optional.empty() : storedAwake;
        }
    }

    /** The capacity a target of {@code kind} has while asleep: max equals desired, but at least 1 for EKS. */
    public static Capacity asleepCapacity(TargetKind kind, AsleepCapacity asleep) {
        int max = kind == TargetKind.EKS_NODEGROUP ? Math.max(1, asleep.desired()) : asleep.desired();
        return new Capacity(asleep.min(), asleep.desired(), max);
    }

    public static Decision decide(String schedule, Action action, TargetKind kind, AsleepCapacity asleep,
                                  Observed observed, Instant now) {
        String optedInto = observed.tags().get(OffhoursTags.SCHEDULE);
        if (optedInto == null) {
            return new Decision.Skip("the resource has no tag " + OffhoursTags.SCHEDULE + ", so it has not opted in", false);
        }
        if (!optedInto.equals(schedule)) {
            return new Decision.Skip("the resource opted in to schedule '" + optedInto + "', not '" + schedule + "'", false);
        }
        return action == Action.SLEEP
                ? sleep(kind, asleepCapacity(kind, asleep), observed, now)
                : wake(kind, observed);
    }

    private static Decision sleep(TargetKind kind, Capacity asleep, Observed observed, Instant now) {
        String keepAwake = observed.tags().get(OffhoursTags.KEEP_AWAKE_UNTIL);
        if (keepAwake != null) {
            try {
                Instant until = OffhoursTags.parseInstant(keepAwake);
                if (now.isBefore(until)) {
                    return new Decision.Skip("kept awake until " + until + " by tag " + OffhoursTags.KEEP_AWAKE_UNTIL, false);
                }
            } catch (IllegalArgumentException e) {
                // Sleeping a resource whose owner tried to keep it awake is worse than skipping one night.
                return new Decision.Skip(e.getMessage() + "; not sleeping it while the tag is unreadable", false);
            }
        }
        Optional<String> invalid = invalidFor(kind, asleep);
        if (invalid.isPresent()) {
            return new Decision.Fail("InvalidAsleepCapacity", "the asleep capacity " + asleep + " is not allowed: " + invalid.get());
        }
        Capacity current = observed.current();
        if (current.equals(asleep)) {
            return new Decision.Skip("already asleep at " + current, true);
        }
        if (current.isZero()) {
            return new Decision.Skip("the resource is at " + current
                    + ", which offhours never records as awake capacity; leaving it as it is", false);
        }
        // current is awake (not the asleep capacity), so saving it never stores sleep values
        return new Decision.Change(current, asleep, current);
    }

    private static Decision wake(TargetKind kind, Observed observed) {
        Optional<Capacity> saved;
        try {
            saved = savedAwake(observed);
        } catch (IllegalArgumentException e) {
            return new Decision.Fail("InvalidSavedCapacity", e.getMessage() + "; nothing was changed");
        }
        if (saved.isEmpty()) {
            return new Decision.Fail("NoSavedCapacity", "no awake capacity was saved for this resource (tag "
                    + OffhoursTags.AWAKE_CAPACITY + " is missing and the hub has none), so offhours cannot tell what to "
                    + "restore; nothing was changed. Scale it by hand or set the tag, e.g. min=2,desired=3,max=10");
        }
        Capacity target = saved.get();
        Optional<String> invalid = invalidFor(kind, target);
        if (invalid.isPresent()) {
            return new Decision.Fail("InvalidSavedCapacity", "the saved awake capacity " + target
                    + " is not allowed: " + invalid.get() + "; nothing was changed");
        }
        if (observed.current().equals(target)) {
            return new Decision.Skip("already awake at " + target, true);
        }
        return new Decision.Change(observed.current(), target, null);
    }

    /** The tag wins over the store: it travels with the resource and a person may have corrected it. */
    private static Optional<Capacity> savedAwake(Observed observed) {
        String tag = observed.tags().get(OffhoursTags.AWAKE_CAPACITY);
        Optional<Capacity> saved = tag != null ? Optional.of(OffhoursTags.parseCapacity(tag)) : observed.storedAwake();
        if (saved.isPresent() && saved.get().isZero()) {
            throw new IllegalArgumentException("the saved awake capacity is " + saved.get()
                    + ", which cannot be an awake capacity");
        }
        return saved;
    }

    /** AWS's rules for a capacity we are about to set, which moto does not enforce. */
    public static Optional<String> invalidFor(TargetKind kind, Capacity capacity) {
        if (kind == TargetKind.EKS_NODEGROUP && capacity.max() < 1) {
            return Optional.of("an EKS node group needs maxSize >= 1");
        }
        return Optional.empty();
    }
}

package dev.offhours.core.capacity;

import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.TargetKind;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The capacity rules, as one pure function from what a target looks like to what to do with it.
 * The cloud is lenient in places (moto accepts an EKS maxSize of 0 or desired above max), so every capacity we
 * would set is checked here against AWS's own rules before anything is called. What SLEEP saves as awake capacity,
 * and when, is the table of {@link SleepTable}.
 */
public final class CapacityRules {

    private CapacityRules() {
    }

    /**
     * What a target looks like now: its capacity and tags, the awake capacity the hub's store remembers, and the
     * last action offhours completed on it ({@code SLEEP}: put to sleep and not woken since; empty: not known).
     */
    public record Observed(Capacity current, Map<String, String> tags, Optional<Capacity> storedAwake,
                           Optional<Action> lastApplied) {
        public Observed {
            tags = Map.copyOf(tags);
            storedAwake = storedAwake == null ? Optional.empty() : storedAwake;
            lastApplied = lastApplied == null ? Optional.empty() : lastApplied;
        }

        /** Without knowing what offhours last did to the target. */
        public Observed(Capacity current, Map<String, String> tags, Optional<Capacity> storedAwake) {
            this(current, tags, storedAwake, Optional.empty());
        }
    }

    /** The capacity a target of {@code kind} has while asleep: max equals desired, but at least 1 for EKS. */
    public static Capacity asleepCapacity(TargetKind kind, AsleepCapacity asleep) {
        int max = kind == TargetKind.EKS_NODEGROUP ? Math.max(1, asleep.desired()) : asleep.desired();
        return new Capacity(asleep.min(), asleep.desired(), max);
    }

    /** What a target saved at {@code awake} runs at with {@code percent} of it (see {@link ResizeRules}). */
    public static Capacity reduced(Capacity awake, int percent) {
        return ResizeRules.reduced(awake, percent);
    }

    public static Decision decide(String schedule, Action action, TargetKind kind, AsleepCapacity asleep,
                                  Observed observed, Instant now) {
        return decide(schedule, action, 0, kind, asleep, observed, now);
    }

    /** @param capacityPercent the share of the saved awake capacity a RESIZE asks for; ignored otherwise */
    public static Decision decide(String schedule, Action action, int capacityPercent, TargetKind kind,
                                  AsleepCapacity asleep, Observed observed, Instant now) {
        String optedInto = observed.tags().get(OffhoursTags.SCHEDULE);
        if (optedInto == null) {
            return new Decision.Skip("the resource has no tag " + OffhoursTags.SCHEDULE + ", so it has not opted in", false);
        }
        if (!optedInto.equals(schedule)) {
            return new Decision.Skip("the resource opted in to schedule '" + optedInto + "', not '" + schedule + "'", false);
        }
        return switch (action) {
            case SLEEP -> sleep(kind, asleepCapacity(kind, asleep), observed, now);
            case WAKE -> wake(kind, asleepCapacity(kind, asleep), observed);
            case RESIZE -> ResizeRules.resize(kind, asleepCapacity(kind, asleep), capacityPercent, observed, now);
        };
    }

    /** A skip while the owner's keep-awake tag holds (or cannot be read); empty when offhours may reduce capacity. */
    static Optional<Decision> keptAwake(Observed observed, Instant now, String verb) {
        String keepAwake = observed.tags().get(OffhoursTags.KEEP_AWAKE_UNTIL);
        if (keepAwake != null) {
            try {
                Instant until = OffhoursTags.parseInstant(keepAwake);
                if (now.isBefore(until)) {
                    return Optional.of(new Decision.Skip("kept awake until " + until + " by tag "
                            + OffhoursTags.KEEP_AWAKE_UNTIL, false));
                }
            } catch (IllegalArgumentException e) {
                // Sleeping a resource whose owner tried to keep it awake is worse than skipping one night.
                return Optional.of(new Decision.Skip(e.getMessage() + "; not " + verb + " it while the tag is"
                        + " unreadable", false));
            }
        }
        return Optional.empty();
    }

    private static Decision sleep(TargetKind kind, Capacity asleep, Observed observed, Instant now) {
        Optional<Decision> kept = keptAwake(observed, now, "sleeping");
        if (kept.isPresent()) {
            return kept.get();
        }
        Optional<String> invalid = invalidFor(kind, asleep);
        if (invalid.isPresent()) {
            return new Decision.Fail("InvalidAsleepCapacity", "the asleep capacity " + asleep + " is not allowed: " + invalid.get());
        }
        return SleepTable.decide(observed.current(), asleep, savedForSleep(observed), observed.lastApplied());
    }

    /** The saved awake capacity SLEEP protects: none when WAKE would refuse it, as then there is nothing to protect. */
    static Optional<Capacity> savedForSleep(Observed observed) {
        try {
            return savedAwake(observed);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Running (desired above 0, not the asleep shape) and neither put to sleep nor resized by offhours as far as it
     * knows: its current capacity is its owner's awake capacity.
     */
    static boolean neverSleptAndRunning(Capacity asleep, Observed observed) {
        Capacity current = observed.current();
        return current.desired() > 0 && !current.equals(asleep)
                && observed.lastApplied().filter(action -> action != Action.WAKE).isEmpty();
    }

    private static Decision wake(TargetKind kind, Capacity asleep, Observed observed) {
        Optional<Capacity> saved;
        try {
            saved = savedAwake(observed);
        } catch (IllegalArgumentException e) {
            return new Decision.Fail("InvalidSavedCapacity", e.getMessage() + "; nothing was changed");
        }
        if (saved.isEmpty() && neverSleptAndRunning(asleep, observed)) {
            // the usual case for a target offhours has not put to sleep yet: a wake has nothing to restore
            return new Decision.Skip("awake at " + observed.current() + " and never put to sleep by offhours, so there"
                    + " is nothing to restore", true);
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
        if (target.equals(asleep)) {
            // waking to it would report success while the resource stays asleep
            return new Decision.Fail("InvalidSavedCapacity", "the saved awake capacity " + target
                    + " is the schedule's asleep capacity, so a wake would leave the resource asleep; nothing was "
                    + "changed. Set tag " + OffhoursTags.AWAKE_CAPACITY + " to its awake capacity, e.g. min=2,desired=3,max=10");
        }
        if (observed.current().equals(target)) {
            return new Decision.Skip("already awake at " + target, true);
        }
        return new Decision.Change(observed.current(), target, null);
    }

    /**
     * The tag wins over the store: it travels with the resource and a person may have corrected it.
     *
     * @throws IllegalArgumentException when the tag is unreadable or the saved capacity has desired 0, which only an
     *                                  asleep target has
     */
    static Optional<Capacity> savedAwake(Observed observed) {
        String tag = observed.tags().get(OffhoursTags.AWAKE_CAPACITY);
        Optional<Capacity> saved = tag != null ? Optional.of(OffhoursTags.parseCapacity(tag)) : observed.storedAwake();
        if (saved.isPresent() && saved.get().desired() == 0) {
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

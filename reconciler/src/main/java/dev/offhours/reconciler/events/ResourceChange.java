package dev.offhours.reconciler.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one event says happened to one resource. CloudTrail events carry the request that made the change, and for
 * the calls the inventory cares about that request is the whole change: a resize names the new sizes, a tag call the
 * tags, a delete the resource. The updater applies those to the stored item without asking the spoke (event-carried
 * state); only a {@link Touched} change, whose event does not say what the resource looks like now, costs a read.
 */
sealed interface ResourceChange {

    ResourceRef ref();

    /**
     * New sizes; a null field was not in the request and keeps its value (UpdateAutoScalingGroup may name any of
     * them, SetDesiredCapacity only the desired one).
     */
    record Resized(ResourceRef ref, Integer min, Integer desired, Integer max) implements ResourceChange {
        public Resized {
            Objects.requireNonNull(ref, "ref");
            if (min == null && desired == null && max == null) {
                throw new IllegalArgumentException("a resize names at least one size");
            }
        }
    }

    /** Tags set (key to value) and tag keys removed. */
    record Retagged(ResourceRef ref, Map<String, String> set, Set<String> removed) implements ResourceChange {
        public Retagged {
            Objects.requireNonNull(ref, "ref");
            set = Map.copyOf(set);
            removed = Set.copyOf(removed);
        }
    }

    /**
     * An Auto Scaling activity set the group's desired size at {@code at}, as a native instance event's
     * {@code detail.Cause} says ("At 2026-03-02T08:22:45Z a monitor alarm ... changing the desired capacity from 4
     * to 9."): a scaling policy, a scheduled action, or the API call whose own event also arrives.
     */
    record ScalingActivity(ResourceRef ref, Instant at, int desired) implements ResourceChange {
        public ScalingActivity {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(at, "at");
            if (desired < 0) {
                throw new IllegalArgumentException("a desired size is 0 or more, but was " + desired);
            }
        }
    }

    /** The resource was deleted. */
    record Removed(ResourceRef ref) implements ResourceChange {
        public Removed {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /**
     * Something changed that the event does not describe: a creation (the request lacks the tags' final merge and
     * the instances), a whole cluster, or a native instance event whose cause names no desired size.
     */
    record Touched(ResourceRef ref) implements ResourceChange {
        public Touched {
            Objects.requireNonNull(ref, "ref");
        }
    }
}

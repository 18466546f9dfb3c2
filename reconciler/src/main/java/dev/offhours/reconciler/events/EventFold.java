package dev.offhours.reconciler.events;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.TargetKind;
import dev.offhours.reconciler.inventory.AsleepShapes;
import dev.offhours.reconciler.inventory.StateRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what one resource's window of events does to its inventory item, without I/O: nothing, a write of the
 * state the events carry, a removal, or (only when the events do not say enough) a read of the resource in its spoke.
 *
 * <p><b>Ordering.</b> An item's version says up to when it reflects the resource: the hub-clock instant a read was
 * taken (discovery, a refresh, the worker's outcome), or the AWS time of the last event folded into it. A change
 * whose time, rounded up to its whole second plus {@link #CLOCK_SKEW_MILLIS}, is not after the version is already
 * reflected: it is stale and changes nothing. A change more than the skew after the version is certainly newer and
 * its carried state is applied. A change in between, or two changes of the same kind within one second, cannot be
 * ordered against what the item holds: the resource is read instead, unless it would leave the sizes as they are
 * (then either order gives the item it is). So late, duplicate and out-of-order events never regress an item; at
 * worst they cost one read.
 *
 * <p><b>Scaling activities.</b> A scaling policy or a scheduled action changes a group's desired size without an API
 * call of anyone's; its instance events name the activity's time and new desired size in their cause
 * ({@link InstanceCause}), which is applied like a resize.
 *
 * <p><b>Offhours' own changes</b> cost nothing: the worker that made the call records its outcome on the item
 * ({@code InventoryStore.recordOutcome}), and redelivers its work item until it has, even after a crash.
 */
final class EventFold {

    /** How far the hub's clock may be from AWS's before a fresh event would be mistaken for a stale one. */
    static final long CLOCK_SKEW_MILLIS = 5_000;

    /**
     * Instance launch/terminate events whose cause names no desired-size change (see {@link InstanceCause}) this soon
     * after the item's version trail the change it already holds (a resize launches its instances over the next
     * minutes). Later ones may mean something moved the group's desired size: the group is read.
     */
    static final long TRAILING_INSTANCE_EVENTS_MILLIS = 5 * 60_000;

    private static final String SIZES = "sizes";

    sealed interface Decision {
    }

    /** Why nothing is written. */
    enum Skip { STALE, NOT_OURS, OWN_CHANGE }

    record Nothing(Skip why) implements Decision {
    }

    /** Write this item; no spoke call. */
    record Write(InventoryItem item) implements Decision {
    }

    /** Remove the item (its resource was deleted) at this version; no spoke call. */
    record Remove(long version) implements Decision {
    }

    /** Read the resource in its spoke and write what it is now. */
    record Read() implements Decision {
    }

    private EventFold() {
    }

    static Decision fold(Optional<InventoryItem> stored, List<ObservedChange> window, AsleepShapes shapes,
                         Instant now) {
        List<ObservedChange> others = window.stream().filter(change -> !change.selfInflicted()).distinct()
                .sorted(Comparator.comparing(ObservedChange::time)).toList();
        if (others.isEmpty()) {
            return new Nothing(Skip.OWN_CHANGE);
        }
        if (stored.isEmpty()) {
            return others.stream().anyMatch(EventFold::mayOptIn) ? new Read() : new Nothing(Skip.NOT_OURS);
        }
        long version = stored.get().version();
        List<ObservedChange> fresh = others.stream().filter(change -> !isReflected(change, version)).toList();
        Optional<List<ObservedChange>> ordered = inOrder(fresh, stored.get());
        if (ordered.isEmpty()) {
            return new Read();
        }
        return ordered.get().isEmpty() ? new Nothing(Skip.STALE) : apply(stored.get(), ordered.get(), shapes, now);
    }

    /** A creation, or a tag call that sets the opt-in tag: the resource may have to enter the inventory. */
    private static boolean mayOptIn(ObservedChange observed) {
        if (observed.change() instanceof ResourceChange.Retagged retagged) {
            return isOptIn(retagged.set().get(OffhoursTags.SCHEDULE));
        }
        return observed.change() instanceof ResourceChange.Touched && !observed.instanceEvent();
    }

    private static boolean isReflected(ObservedChange observed, long version) {
        long happened = observed.time().toEpochMilli();
        if (observed.instanceEvent() && observed.change() instanceof ResourceChange.Touched) {
            return version >= happened - TRAILING_INSTANCE_EVENTS_MILLIS;
        }
        return version >= happened + 999 + CLOCK_SKEW_MILLIS;
    }

    /**
     * Sizes the item already has: whichever order the change and the item's own changes happened in, the result is
     * the item as it is. This is what lets the instance events of an owner's resize, whose cause names the second
     * the event already applied, cost nothing.
     */
    private static boolean isNoOp(ObservedChange observed, InventoryItem stored) {
        Capacity current = stored.current();
        if (current == null || !kind(observed.change()).equals(SIZES)) {
            return false;
        }
        return current.equals(sizesAfter(stored.target().kind(), current, observed.change()));
    }

    /**
     * The changes to apply, in order; empty when one cannot be ordered against the item (it may be older or newer
     * than what the item holds) or against another change of the same second, and the order would matter.
     */
    private static Optional<List<ObservedChange>> inOrder(List<ObservedChange> fresh, InventoryItem stored) {
        List<ObservedChange> ordered = new ArrayList<>();
        for (ObservedChange change : fresh) {
            if (change.change() instanceof ResourceChange.Touched) {
                return Optional.empty();
            }
            if (change.time().toEpochMilli() <= stored.version() + CLOCK_SKEW_MILLIS) {
                if (isNoOp(change, stored)) {
                    continue;
                }
                return Optional.empty();
            }
            ObservedChange previous = ordered.isEmpty() ? null : ordered.get(ordered.size() - 1);
            if (previous != null && previous.time().equals(change.time())
                    && !commute(previous.change(), change.change(), stored)) {
                return Optional.empty();
            }
            ordered.add(change);
        }
        return Optional.of(ordered);
    }

    /** Two changes of one second whose order does not matter: of different things, or with the same outcome. */
    private static boolean commute(ResourceChange a, ResourceChange b, InventoryItem stored) {
        if (!kind(a).equals(kind(b))) {
            return true;
        }
        if (kind(a).equals(SIZES)) {
            TargetKind kind = stored.target().kind();
            Capacity ab = sizesAfter(kind, sizesAfter(kind, stored.current(), a), b);
            return ab != null && ab.equals(sizesAfter(kind, sizesAfter(kind, stored.current(), b), a));
        }
        if (a instanceof ResourceChange.Retagged x && b instanceof ResourceChange.Retagged y) {
            return tagsAfter(tagsAfter(stored.tags(), x), y).equals(tagsAfter(tagsAfter(stored.tags(), y), x));
        }
        return false;
    }

    private static Decision apply(InventoryItem item, List<ObservedChange> fresh, AsleepShapes shapes, Instant now) {
        Instant last = fresh.get(fresh.size() - 1).time();
        long version = Math.max(item.version() + 1, Math.min(last.toEpochMilli(), now.toEpochMilli()));
        Capacity current = item.current();
        Map<String, String> tags = item.tags();
        for (int i = 0; i < fresh.size(); i++) {
            ResourceChange change = fresh.get(i).change();
            if (change instanceof ResourceChange.Removed) {
                return i == fresh.size() - 1 ? new Remove(version) : new Read();
            }
            if (change instanceof ResourceChange.Retagged retagged) {
                tags = tagsAfter(tags, retagged);
            } else {
                current = sizesAfter(item.target().kind(), current, change);
            }
            if (current == null || !isOptIn(tags.get(OffhoursTags.SCHEDULE))) {
                return new Read(); // sizes we cannot derive, or opted out: the read reports it if left asleep
            }
        }
        String schedule = tags.get(OffhoursTags.SCHEDULE);
        Capacity saved = OffhoursTags.savedAwake(tags).orElse(item.savedAwake());
        TargetState state = StateRule.stateOf(item.target().kind(), current, saved, shapes.of(schedule));
        Instant lastEvent = item.lastEventAt() != null && item.lastEventAt().isAfter(last) ? item.lastEventAt() : last;
        return new Write(new InventoryItem(item.target(), schedule, tags, current, saved, state, lastEvent,
                InventoryItem.EVENT, version, now));
    }

    /** Resizes and scaling activities both move sizes; same-second changes of one kind cannot be ordered. */
    private static String kind(ResourceChange change) {
        return change instanceof ResourceChange.Resized || change instanceof ResourceChange.ScalingActivity
                ? SIZES : change.getClass().getSimpleName();
    }

    /** The sizes after a size change; the same sizes for a change of something else; null when not derivable. */
    private static Capacity sizesAfter(TargetKind kind, Capacity current, ResourceChange change) {
        if (current == null) {
            return null;
        }
        if (change instanceof ResourceChange.Resized resized) {
            return resize(kind, current, resized);
        }
        if (change instanceof ResourceChange.ScalingActivity activity) {
            return resize(kind, current, new ResourceChange.Resized(activity.ref(), null, activity.desired(), null));
        }
        return current;
    }

    private static Map<String, String> tagsAfter(Map<String, String> tags, ResourceChange.Retagged retagged) {
        Map<String, String> after = new HashMap<>(tags);
        after.keySet().removeAll(retagged.removed());
        after.putAll(retagged.set());
        return after;
    }

    /**
     * The sizes after a resize, or null when they would break {@code min <= desired <= max}. An Auto Scaling group
     * follows AWS's documented rule for a request without a desired size: a new minimum above it raises it, a new
     * maximum below it lowers it. EKS refuses such requests (the failed call never reaches us).
     */
    static Capacity resize(TargetKind kind, Capacity current, ResourceChange.Resized resized) {
        int min = resized.min() != null ? resized.min() : current.min();
        int max = resized.max() != null ? resized.max() : current.max();
        int desired = resized.desired() != null ? resized.desired() : current.desired();
        if (resized.desired() == null && kind == TargetKind.ASG) {
            desired = Math.min(Math.max(desired, min), max);
        }
        if (min < 0 || min > desired || desired > max) {
            return null;
        }
        return new Capacity(min, desired, max);
    }

    static boolean isOptIn(String schedule) {
        return schedule != null && !schedule.isBlank();
    }
}

package dev.offhours.reconciler.events;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.TargetKind;
import dev.offhours.reconciler.inventory.AsleepShapes;
import dev.offhours.reconciler.inventory.FoundResource;
import dev.offhours.reconciler.inventory.OrphanedSleeper;
import dev.offhours.reconciler.inventory.SpokeListing;
import dev.offhours.reconciler.inventory.StateRule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refreshes one resource from its spoke and writes what it found to the inventory.
 *
 * <p><b>Versions.</b> An item's version is the instant (epoch millis) its content was read from AWS, taken just
 * before the Describe call; discovery uses its run's start the same way. That is what makes late, duplicate and
 * out-of-order events harmless: an event never carries the resource's state, only "something changed at time t",
 * so the refresh reads the state as it is now and versions it now. A write can only lose to a write that read
 * later. An event whose time (rounded up to its whole second, EventBridge's precision, plus {@link #CLOCK_SKEW_MILLIS} for
 * the difference between AWS's clocks and the hub's) is not after the stored version is already reflected in the
 * stored item and changes nothing, without a spoke call. Versioning by the
 * event's own time would not be safe: a refresh triggered by an old event still reads today's state, and two
 * refreshes with the same event second would tie.
 */
final class ResourceRefresher {

    /** How far the hub's clock may be ahead of AWS's before a fresh event would be mistaken for a stale one. */
    static final long CLOCK_SKEW_MILLIS = 5_000;

    /**
     * Instance launch/terminate events this soon after the item was read trail the change that read already saw (a
     * resize launches its instances over the next minutes); they cost no refresh. The inventory holds the group's
     * capacity, not its instances; a scaling policy that changes it within this time is caught by the next event
     * after it, or by discovery.
     */
    static final long TRAILING_INSTANCE_EVENTS_MILLIS = 5 * 60_000;

    /** What a refresh did. */
    enum Result { UPDATED, REMOVED, ABSENT, STALE, SUPERSEDED, NOT_OURS }

    record Outcome(Target target, Result result, Optional<OrphanedSleeper> orphan) {
    }

    private final SpokeListing listing;
    private final InventoryStore inventory;
    private final AsleepShapes shapes;
    private final Clock clock;

    ResourceRefresher(SpokeListing listing, InventoryStore inventory, AsleepShapes shapes, Clock clock) {
        this.listing = listing;
        this.inventory = inventory;
        this.shapes = shapes;
        this.clock = clock;
    }

    /** Refreshes the referenced resource, or every known node group of a deleted cluster. */
    List<Outcome> refresh(ResourceRef ref, Instant latestEvent, boolean apiCalls) {
        if (!ref.isWholeCluster()) {
            return List.of(refresh(ref.target(), latestEvent, apiCalls));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (InventoryItem item : inventory.allByAccountRegion(ref.account(), ref.region())) {
            if (item.target().kind() == TargetKind.EKS_NODEGROUP && ref.cluster().equals(item.target().cluster())) {
                outcomes.add(refresh(item.target(), latestEvent, true));
            }
        }
        return outcomes;
    }

    /**
     * @param apiCalls false when only instance events asked for it: those never opt a group in (its creation or
     *                 tagging comes as an API call), so a group the inventory does not hold (an EKS-managed one, an
     *                 untagged one) costs no spoke call
     */
    Outcome refresh(Target target, Instant latestEvent, boolean apiCalls) {
        Optional<InventoryItem> stored = inventory.get(target);
        if (stored.isEmpty() && !apiCalls) {
            return new Outcome(target, Result.NOT_OURS, Optional.empty());
        }
        if (!apiCalls && stored.get().version() >= latestEvent.toEpochMilli() - TRAILING_INSTANCE_EVENTS_MILLIS) {
            return new Outcome(target, Result.STALE, Optional.empty());
        }
        long eventUpperBound = latestEvent.toEpochMilli() + 999 + CLOCK_SKEW_MILLIS;
        if (stored.isPresent() && stored.get().version() >= eventUpperBound) {
            return new Outcome(target, Result.STALE, Optional.empty());
        }
        listing.assumeRole(target.account(), target.region());
        long version = clock.millis();
        Optional<FoundResource> now = target.kind() == TargetKind.ASG
                ? listing.describeAsg(target) : listing.describeNodegroup(target);
        if (now.isPresent() && isOptedIn(now.get())) {
            InventoryItem next = item(now.get(), stored.orElse(null), latestEvent, version);
            return new Outcome(target, inventory.upsert(next) ? Result.UPDATED : Result.SUPERSEDED, Optional.empty());
        }
        if (stored.isEmpty()) {
            return new Outcome(target, Result.ABSENT, Optional.empty());
        }
        Optional<OrphanedSleeper> orphan = now.flatMap(resource -> orphan(stored.get(), resource));
        boolean deleted = inventory.delete(target, version);
        return new Outcome(target, deleted ? Result.REMOVED : Result.SUPERSEDED, deleted ? orphan : Optional.empty());
    }

    private InventoryItem item(FoundResource resource, InventoryItem old, Instant latestEvent, long version) {
        String schedule = resource.tags().get(OffhoursTags.SCHEDULE);
        Capacity tagged = taggedAwake(resource);
        Capacity saved = tagged != null ? tagged : old == null ? null : old.savedAwake();
        TargetState state = StateRule.stateOf(resource.target().kind(), resource.current(), saved,
                shapes.of(schedule));
        Instant lastEvent = old != null && old.lastEventAt() != null && old.lastEventAt().isAfter(latestEvent)
                ? old.lastEventAt() : latestEvent;
        return new InventoryItem(resource.target(), schedule, resource.tags(), resource.current(), saved, state,
                lastEvent, InventoryItem.EVENT, version, clock.instant());
    }

    /** The removed item's resource, if it is asleep: nobody will wake it unless told. */
    private Optional<OrphanedSleeper> orphan(InventoryItem item, FoundResource now) {
        Capacity tagged = taggedAwake(now);
        Capacity saved = tagged != null ? tagged : item.savedAwake();
        TargetState state = StateRule.stateOf(item.target().kind(), now.current(), saved, shapes.of(item.schedule()));
        return state == TargetState.ASLEEP
                ? Optional.of(new OrphanedSleeper(item.target(), item.schedule(), now.current(), saved))
                : Optional.empty();
    }

    /** The awake capacity tag; an unreadable or zero one counts as none (discovery reports those problems). */
    private static Capacity taggedAwake(FoundResource resource) {
        String value = resource.tags().get(OffhoursTags.AWAKE_CAPACITY);
        if (value == null) {
            return null;
        }
        try {
            Capacity capacity = OffhoursTags.parseCapacity(value);
            return capacity.isZero() ? null : capacity;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isOptedIn(FoundResource resource) {
        String schedule = resource.tags().get(OffhoursTags.SCHEDULE);
        return schedule != null && !schedule.isBlank();
    }
}

package dev.offhours.reconciler.events;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.TargetKind;
import dev.offhours.reconciler.inventory.AsleepShapes;
import dev.offhours.reconciler.inventory.FoundResource;
import dev.offhours.reconciler.inventory.OrphanReports;
import dev.offhours.reconciler.inventory.OrphanedSleeper;
import dev.offhours.reconciler.inventory.SpokeListing;
import dev.offhours.reconciler.inventory.StateRule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Handles one resource's closed window of events: {@link EventFold} decides, this class does the I/O (the inventory
 * write, or the spoke read when the events do not say enough).
 *
 * <p>A read versions its write with the hub-clock instant just before the Describe call, and never below the stored
 * version + 1: the read happens after every event it was asked for, so it holds at least what the stored item
 * holds. A write can still only lose to a write that happened after it (the store's conditional write).
 */
final class ResourceRefresher {

    /** What handling a window did. */
    enum Result { UPDATED, APPLIED, REMOVED, ABSENT, STALE, SUPERSEDED, NOT_OURS, OWN_CHANGE }

    /** @param spokeRead whether it cost a Describe call in the spoke */
    record Outcome(Target target, Result result, boolean spokeRead, Optional<OrphanedSleeper> orphan) {
        static Outcome withoutRead(Target target, Result result) {
            return new Outcome(target, result, false, Optional.empty());
        }
    }

    private final SpokeListing listing;
    private final InventoryStore inventory;
    private final AsleepShapes shapes;
    private final OrphanReports orphanReports;
    private final Clock clock;

    ResourceRefresher(SpokeListing listing, InventoryStore inventory, ControlStore control, AsleepShapes shapes,
                      Clock clock) {
        this.listing = listing;
        this.inventory = inventory;
        this.shapes = shapes;
        this.orphanReports = new OrphanReports(control, clock, OrphanReport.EVENT);
        this.clock = clock;
    }

    /** Handles the window of one resource, or reads every known node group of a deleted cluster. */
    List<Outcome> handle(PendingRefreshes.Due window) {
        ResourceRef ref = window.ref();
        if (!ref.isWholeCluster()) {
            return List.of(handle(ref.target(), window));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (InventoryItem item : inventory.allByAccountRegion(ref.account(), ref.region())) {
            if (item.target().kind() == TargetKind.EKS_NODEGROUP && ref.cluster().equals(item.target().cluster())) {
                outcomes.add(read(item.target(), Optional.of(item), window.latestEvent()));
            }
        }
        return outcomes;
    }

    private Outcome handle(Target target, PendingRefreshes.Due window) {
        Optional<InventoryItem> stored = inventory.get(target);
        EventFold.Decision decision = EventFold.fold(stored, window.changes(), shapes, clock.instant());
        if (decision instanceof EventFold.Nothing nothing) {
            return Outcome.withoutRead(target, switch (nothing.why()) {
                case STALE -> Result.STALE;
                case NOT_OURS -> Result.NOT_OURS;
                case OWN_CHANGE -> Result.OWN_CHANGE;
            });
        }
        if (decision instanceof EventFold.Write write) {
            return Outcome.withoutRead(target, inventory.upsert(write.item()) ? Result.APPLIED : Result.SUPERSEDED);
        }
        if (decision instanceof EventFold.Remove remove) {
            return Outcome.withoutRead(target, inventory.delete(target, remove.version())
                    ? Result.REMOVED : Result.SUPERSEDED);
        }
        return read(target, stored, window.latestEvent());
    }

    /** Reads the resource now and writes it, removes it (deleted or opted out), or reports it orphaned asleep. */
    private Outcome read(Target target, Optional<InventoryItem> stored, Instant latestEvent) {
        listing.assumeRole(target.account(), target.region());
        long version = Math.max(clock.millis(), stored.map(item -> item.version() + 1).orElse(0L));
        Optional<FoundResource> now = target.kind() == TargetKind.ASG
                ? listing.describeAsg(target) : listing.describeNodegroup(target);
        if (now.isPresent() && EventFold.isOptIn(now.get().tags().get(OffhoursTags.SCHEDULE))) {
            InventoryItem next = item(now.get(), stored.orElse(null), latestEvent, version);
            boolean written = inventory.upsert(next);
            if (written && stored.isEmpty()) {
                orphanReports.clear(target); // opted in again
            }
            return new Outcome(target, written ? Result.UPDATED : Result.SUPERSEDED, true, Optional.empty());
        }
        if (stored.isEmpty()) {
            return new Outcome(target, Result.ABSENT, true, Optional.empty());
        }
        Optional<OrphanedSleeper> orphan = now.flatMap(resource -> OrphanedSleeper.of(stored.get(), resource, shapes));
        boolean deleted = inventory.delete(target, version);
        if (deleted) {
            orphan.ifPresent(orphanReports::report);
        }
        return new Outcome(target, deleted ? Result.REMOVED : Result.SUPERSEDED, true,
                deleted ? orphan : Optional.empty());
    }

    private InventoryItem item(FoundResource resource, InventoryItem old, Instant latestEvent, long version) {
        String schedule = resource.tags().get(OffhoursTags.SCHEDULE);
        Capacity saved = OffhoursTags.savedAwake(resource.tags()).orElse(old == null ? null : old.savedAwake());
        TargetState state = StateRule.stateOf(resource.target().kind(), resource.current(), saved,
                shapes.of(schedule));
        Instant lastEvent = old != null && old.lastEventAt() != null && old.lastEventAt().isAfter(latestEvent)
                ? old.lastEventAt() : latestEvent;
        return new InventoryItem(resource.target(), schedule, resource.tags(), resource.current(), saved, state,
                lastEvent, InventoryItem.EVENT, version, clock.instant());
    }
}

package dev.offhours.reconciler.inventory;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.HealthStatus;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.TargetKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the inventory of one account and region in line with a complete listing of it.
 *
 * <p><b>Versions.</b> Every write of one discovery run carries the run's version (its start in epoch milliseconds).
 * The listing happens after that instant, so it beats any write older than the run, and loses to a write made after
 * the run started (an event refresh), which saw the resource at least as late. The same holds for removals:
 * {@link InventoryStore#delete} only erases an item whose version is not above the run's, so a resource re-tagged
 * and reported by an event during the run stays. Items found unchanged are not rewritten at all (no write cost and no
 * version churn); the worker's {@link InventoryStore#save} of an awake capacity keeps the version and does not
 * compete.
 */
final class InventorySync {

    private static final Logger LOG = LoggerFactory.getLogger(InventorySync.class);

    private final InventoryStore inventory;
    private final SpokeListing listing;
    private final AsleepShapes shapes;
    private final OrphanReports orphanReports;
    private final Clock clock;

    InventorySync(InventoryStore inventory, SpokeListing listing, AsleepShapes shapes, OrphanReports orphanReports,
                  Clock clock) {
        this.inventory = inventory;
        this.listing = listing;
        this.shapes = shapes;
        this.orphanReports = orphanReports;
        this.clock = clock;
    }

    AccountRegionResult apply(String account, String region, SpokeInventory spoke, long version) {
        Map<Target, InventoryItem> known = new LinkedHashMap<>();
        inventory.allByAccountRegion(account, region).forEach(item -> known.put(item.target(), item));
        Counts counts = new Counts();
        for (FoundResource resource : spoke.optedIn()) {
            write(resource, known.remove(resource.target()), version, counts);
        }
        List<OrphanedSleeper> orphans = new ArrayList<>();
        List<InventoryItem> gone = new ArrayList<>();
        for (InventoryItem missing : known.values()) {
            // looked up before any delete: a failed lookup fails the account-region with nothing removed
            Optional<FoundResource> now = currentOf(missing.target(), spoke);
            if (now.isPresent() && SpokeListing.isOptedIn(now.get().tags())) {
                continue; // tagged again since the listing: the next run sees it, and an event may already have
            }
            gone.add(missing);
            now.flatMap(resource -> OrphanedSleeper.of(missing, resource, shapes)).ifPresent(orphans::add);
        }
        for (InventoryItem missing : gone) {
            if (inventory.delete(missing.target(), version)) {
                counts.removed++;
                LOG.info("discovery removed {}: it no longer exists or lost its {} tag", missing.targetKey(), OffhoursTags.SCHEDULE);
                orphans.stream().filter(orphan -> orphan.target().equals(missing.target())).findFirst()
                        .ifPresent(orphanReports::report);
            } else {
                counts.superseded++;
            }
        }
        orphans.forEach(orphan -> LOG.warn("{}", orphan.sentence()));
        return new AccountRegionResult(account, region, HealthStatus.OK, spoke.optedIn().size(), counts.added,
                counts.changed, counts.removed, counts.unchanged, counts.superseded, null, orphans, counts.problems);
    }

    private void write(FoundResource resource, InventoryItem old, long version, Counts counts) {
        Target target = resource.target();
        String schedule = resource.tags().get(OffhoursTags.SCHEDULE);
        Capacity tagged = savedAwake(resource, counts.problems);
        Capacity saved = tagged != null ? tagged : old == null ? null : old.savedAwake();
        TargetState state = StateRule.stateOf(target.kind(), resource.current(), saved, shapes.of(schedule));
        InventoryItem next = new InventoryItem(target, schedule, resource.tags(), resource.current(), saved, state,
                old == null ? null : old.lastEventAt(), InventoryItem.DISCOVERY, version, clock.instant());
        if (old != null && sameContent(old, next)) {
            counts.unchanged++;
        } else if (!inventory.upsert(next)) {
            counts.superseded++;
        } else if (old == null) {
            counts.added++;
            orphanReports.clear(target); // opted in again: nobody needs to wake it by hand any more
        } else {
            counts.changed++;
        }
    }

    private static Capacity savedAwake(FoundResource resource, List<String> problems) {
        String value = resource.tags().get(OffhoursTags.AWAKE_CAPACITY);
        if (value == null) {
            return null;
        }
        try {
            Capacity capacity = OffhoursTags.parseCapacity(value);
            return capacity.isZero() ? null : capacity;
        } catch (IllegalArgumentException e) {
            String problem = resource.target().key() + ": " + e.getMessage();
            LOG.warn("discovery ignores an awake capacity it cannot read: {}", problem);
            problems.add(problem);
            return null;
        }
    }

    /** The resource of a missing item as it is now; empty if it no longer exists. */
    private Optional<FoundResource> currentOf(Target target, SpokeInventory spoke) {
        return target.kind() == TargetKind.ASG ? listing.describeAsg(target) : spoke.withoutOptIn(target);
    }


    private static boolean sameContent(InventoryItem a, InventoryItem b) {
        return a.schedule().equals(b.schedule()) && a.tags().equals(b.tags()) && Objects.equals(a.current(), b.current())
                && Objects.equals(a.savedAwake(), b.savedAwake()) && a.state() == b.state();
    }

    private static final class Counts {
        int added;
        int changed;
        int removed;
        int unchanged;
        int superseded;
        final List<String> problems = new ArrayList<>();
    }
}

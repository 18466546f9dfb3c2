package dev.offhours.reconciler.events;

import dev.offhours.reconciler.inventory.OrphanedSleeper;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of the inventory updater since it started, and the last resources orphaned asleep. */
public final class UpdaterStats {

    private static final int ORPHANS_KEPT = 100;

    final AtomicLong messages = new AtomicLong();
    final AtomicLong refreshes = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    final AtomicLong applied = new AtomicLong();
    final AtomicLong removed = new AtomicLong();
    final AtomicLong stale = new AtomicLong();
    final AtomicLong notOurs = new AtomicLong();
    final AtomicLong externalChanges = new AtomicLong();
    final AtomicLong selfInflicted = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong failedRefreshes = new AtomicLong();
    final AtomicLong orphanedAsleep = new AtomicLong();
    private final Deque<OrphanedSleeper> lastOrphans = new ArrayDeque<>();

    public long messages() {
        return messages.get();
    }

    /** Spoke reads (Describe calls): at most one per resource window, only when its events did not say enough. */
    public long refreshes() {
        return refreshes.get();
    }

    /** Items written from what a spoke read found. */
    public long updated() {
        return updated.get();
    }

    /** Items written from the state the events carried, without a spoke call. */
    public long applied() {
        return applied.get();
    }

    public long removed() {
        return removed.get();
    }

    /** Windows whose newest event was older than the stored item: nothing to do. */
    public long stale() {
        return stale.get();
    }

    /** Windows for resources the inventory does not hold whose events cannot opt them in: no spoke call. */
    public long notOurs() {
        return notOurs.get();
    }

    /** CloudTrail changes made by someone other than offhours. */
    public long externalChanges() {
        return externalChanges.get();
    }

    /** CloudTrail changes offhours made itself (recognised by its session name); never drift. */
    public long selfInflicted() {
        return selfInflicted.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    public long failedRefreshes() {
        return failedRefreshes.get();
    }

    public long orphanedAsleep() {
        return orphanedAsleep.get();
    }

    public synchronized List<OrphanedSleeper> lastOrphans() {
        return List.copyOf(lastOrphans);
    }

    synchronized void orphaned(OrphanedSleeper orphan) {
        orphanedAsleep.incrementAndGet();
        lastOrphans.addLast(orphan);
        if (lastOrphans.size() > ORPHANS_KEPT) {
            lastOrphans.removeFirst();
        }
    }
}

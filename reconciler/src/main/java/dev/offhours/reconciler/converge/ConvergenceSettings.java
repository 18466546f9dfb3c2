package dev.offhours.reconciler.converge;

import dev.offhours.core.port.InventoryStore;
import java.time.Duration;

/**
 * How the convergence loop paces itself.
 *
 * @param tick        how often every schedule is looked at (also what catches a missed wake-up or a paused JVM)
 * @param lease       how long a replica owns a schedule's intent after its last pass; a replica that dies hands it
 *                    on after this
 * @param resendAfter how long a target may stay pending before its work item is sent again (a message lost by a
 *                    crash or a queue outage); also how often a converged schedule is counted again
 * @param sweepEvery  enforce: true schedules put drifted targets back at most once per this
 * @param sweepSettle a target's opposite state is drift, not lag, this long after its mark
 * @param pageSize    inventory items read per page
 */
public record ConvergenceSettings(Duration tick, Duration lease, Duration resendAfter, Duration sweepEvery,
                                  Duration sweepSettle, int pageSize) {

    public ConvergenceSettings {
        if (tick.compareTo(Duration.ofSeconds(1)) < 0 || lease.compareTo(tick.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("the tick must be at least 1 s and the lease at least two ticks, but"
                    + " were " + tick + " and " + lease);
        }
        if (resendAfter.compareTo(tick) < 0 || sweepEvery.compareTo(Duration.ofSeconds(1)) < 0
                || sweepSettle.isNegative()) {
            throw new IllegalArgumentException("resendAfter must be at least one tick, sweepEvery at least 1 s and"
                    + " sweepSettle not negative, but were " + resendAfter + ", " + sweepEvery + ", " + sweepSettle);
        }
        InventoryStore.checkLimit(pageSize);
    }

    public static ConvergenceSettings defaults() {
        return new ConvergenceSettings(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(5),
                Duration.ofMinutes(5), Duration.ofMinutes(5), InventoryStore.MAX_PAGE);
    }
}

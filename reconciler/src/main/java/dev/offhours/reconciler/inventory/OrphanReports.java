package dev.offhours.reconciler.inventory;

import dev.offhours.core.port.ControlStore;
import dev.offhours.core.work.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records orphaned sleepers in the control store for operators (API, dashboard) and forgets them when their resource
 * opts in again. Best effort: the sleeper is already logged, and a store failure must not fail the discovery run or
 * the event window that found it.
 *
 * <p>Resources enter the inventory by the thousand (a first discovery) and orphans are rare, so {@link #clear} looks
 * in a list of the reported targets, read at most once a {@link #KNOWN_FRESHNESS}, and deletes only what is there.
 * A report the other producer wrote within that minute for a resource that opts in again within it stays listed
 * until it expires.
 */
public final class OrphanReports {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanReports.class);

    static final Duration KNOWN_FRESHNESS = Duration.ofMinutes(1);

    private final ControlStore control;
    private final Clock clock;
    private final String reportedBy;
    private Set<String> known;
    private Instant knownAt;

    /** @param reportedBy {@code OrphanReport.DISCOVERY} or {@code OrphanReport.EVENT} */
    public OrphanReports(ControlStore control, Clock clock, String reportedBy) {
        this.control = control;
        this.clock = clock;
        this.reportedBy = reportedBy;
    }

    public synchronized void report(OrphanedSleeper orphan) {
        try {
            control.reportOrphan(orphan.report(clock.instant(), reportedBy));
            if (known != null) {
                known.add(orphan.target().key());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not record that {} was left asleep (it is only in this log): {}", orphan.target().key(),
                    e.toString());
        }
    }

    /** Called when {@code target} newly (re-)entered the inventory. */
    public synchronized void clear(Target target) {
        try {
            if (isReported(target)) {
                control.clearOrphan(target);
                known.remove(target.key());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not clear the orphan report of {}, which opted in again; it is listed until it expires: {}",
                    target.key(), e.toString());
        }
    }

    private boolean isReported(Target target) {
        Instant now = clock.instant();
        if (known == null || !now.isBefore(knownAt.plus(KNOWN_FRESHNESS))) {
            known = control.orphans().stream().map(report -> report.target().key())
                    .collect(Collectors.toCollection(HashSet::new));
            knownAt = now;
        }
        return known.contains(target.key());
    }
}

package dev.offhours.reconciler.inventory;

import dev.offhours.core.port.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of one discovery run over every onboarded account and region.
 *
 * @param version          the version every write of this run carried (its start in epoch milliseconds)
 * @param accountsDegraded accounts with at least one degraded region; {@code accountsOk} the others
 * @param errors           one per degraded account-region
 * @param orphanedAsleep   resources asleep when their opt-in tag was removed: nobody will wake them
 * @param problems         tags discovery could not read (the resource is still inventoried)
 */
public record DiscoveryReport(Instant startedAt, Duration duration, long version, int accountsOk,
                              int accountsDegraded, int accountRegionsOk, int accountRegionsDegraded, int itemsFound,
                              int added, int changed, int removed, int unchanged, int superseded,
                              List<AccountRegionError> errors, List<OrphanedSleeper> orphanedAsleep,
                              List<String> problems) {

    public record AccountRegionError(String account, String region, String error) {
    }

    public DiscoveryReport {
        errors = List.copyOf(errors);
        orphanedAsleep = List.copyOf(orphanedAsleep);
        problems = List.copyOf(problems);
    }

    static DiscoveryReport of(Instant startedAt, Instant finishedAt, long version, Collection<AccountRegionResult> results) {
        Set<String> all = new TreeSet<>();
        Set<String> degraded = new TreeSet<>();
        int[] sums = new int[6];
        for (AccountRegionResult r : results) {
            all.add(r.account());
            if (r.status() == HealthStatus.DEGRADED) {
                degraded.add(r.account());
            }
            sums[0] += r.found();
            sums[1] += r.added();
            sums[2] += r.changed();
            sums[3] += r.removed();
            sums[4] += r.unchanged();
            sums[5] += r.superseded();
        }
        List<AccountRegionError> errors = results.stream().filter(r -> r.status() == HealthStatus.DEGRADED)
                .map(r -> new AccountRegionError(r.account(), r.region(), r.error())).toList();
        return new DiscoveryReport(startedAt, Duration.between(startedAt, finishedAt), version,
                all.size() - degraded.size(), degraded.size(), results.size() - errors.size(), errors.size(),
                sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], errors,
                results.stream().flatMap(r -> r.orphanedAsleep().stream()).toList(),
                results.stream().flatMap(r -> r.problems().stream()).toList());
    }

    /** Items written: added or changed. */
    public int upserted() {
        return added + changed;
    }

    /** Items discovery had to correct (added, changed or removed): what events and workers missed. */
    public int corrected() {
        return added + changed + removed;
    }

    /** One line for the log. */
    public String summary() {
        return "discovery " + (accountRegionsOk + accountRegionsDegraded) + " account-regions in " + duration.toMillis()
                + " ms: " + accountsOk + " accounts OK, " + accountsDegraded + " degraded; " + itemsFound
                + " opted-in resources, " + added + " added, " + changed + " changed, " + removed + " removed, "
                + unchanged + " unchanged, " + superseded + " superseded by newer writes, " + orphanedAsleep.size()
                + " left asleep without tag";
    }
}

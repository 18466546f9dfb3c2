package dev.offhours.reconciler.inventory;

import dev.offhours.core.port.HealthStatus;
import java.util.List;

/**
 * What discovery did in one account and region.
 *
 * @param found      opted-in resources the listing found
 * @param added      items written that the inventory did not have
 * @param changed    items rewritten because the inventory held something else
 * @param removed    items deleted because the resource is gone or lost its opt-in tag
 * @param unchanged  items the inventory already had right (not written)
 * @param superseded writes refused because the inventory held a newer version (an event or worker got there later)
 * @param error      why the account-region is degraded, null when OK
 */
public record AccountRegionResult(String account, String region, HealthStatus status, int found, int added,
                                  int changed, int removed, int unchanged, int superseded, String error,
                                  List<OrphanedSleeper> orphanedAsleep, List<String> problems) {

    public AccountRegionResult {
        orphanedAsleep = List.copyOf(orphanedAsleep);
        problems = List.copyOf(problems);
    }

    public static AccountRegionResult degraded(String account, String region, String error) {
        return new AccountRegionResult(account, region, HealthStatus.DEGRADED, 0, 0, 0, 0, 0, 0, error, List.of(), List.of());
    }

    /** Items discovery had to correct: what events and workers missed (the anti-entropy count). */
    public int corrected() {
        return added + changed + removed;
    }
}

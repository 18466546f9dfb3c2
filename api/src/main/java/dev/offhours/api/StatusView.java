package dev.offhours.api;

import java.util.List;
import java.util.Map;

/**
 * What the reconciler runs and how the fleet looks.
 *
 * @param appliedRevision     the last good revision being run, {@code main@sha1:<hash>}; null before the first
 * @param problems            validation errors of a refused revision ({@code file:line: sentence}), else empty
 * @param schedules           schedules of the applied revision
 * @param targetsByState      inventory items by state (AWAKE, ASLEEP, UNKNOWN)
 * @param conditions          the reconciler's (Ready, Reconciling, Stalled) and the fleet's Converged
 * @param countedAt           when the inventory counts were taken (they are refreshed every few seconds)
 * @param convergence         overdue schedules, pending targets, removed schedules still being woken
 * @param unknownSchedules    schedule names that resources are tagged with but the applied revision lacks
 */
public record StatusView(String appliedRevision, String lastFetchedRevision, String lastFetchedAt, String updatedAt,
                         List<ConditionView> conditions, List<String> problems, int schedules,
                         Map<String, Long> targetsByState, String countedAt,
                         FleetConvergenceView convergence, List<UnknownScheduleView> unknownSchedules) {
}

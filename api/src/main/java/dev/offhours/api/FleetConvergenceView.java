package dev.offhours.api;

import java.util.List;
import java.util.Map;

/**
 * Convergence of every schedule at once (refreshed every few seconds, like the counts of targets).
 *
 * @param overdueAfter       ISO-8601 duration after an intent's since at which a schedule not converged is overdue
 * @param overdue            overdue schedules, removed ones included
 * @param overdueSchedules   their names
 * @param pendingTargets     targets still to reach their schedule's current intent
 * @param failedTargets      targets whose work item for their schedule's current intent failed
 * @param schedulesByReason  schedules of the applied revision by the reason of their Converged condition
 * @param removed            removed schedules whose targets have not all been woken yet, by name
 */
public record FleetConvergenceView(String overdueAfter, int overdue, List<String> overdueSchedules,
                                   long pendingTargets, long failedTargets, Map<String, Long> schedulesByReason,
                                   List<RemovedScheduleView> removed, String checkedAt) {
}

package dev.offhours.core.notify;

/**
 * The names offhours publishes under, in one place so the hub stack's alarms and rules watch exactly what the service
 * and the Lambda worker send: CloudWatch metrics in {@link #NAMESPACE} (no dimensions, so an alarm on the bare
 * metric sees every replica and the Lambda worker) and events on the hub bus with source {@link #EVENT_SOURCE}.
 */
public final class HubSignals {

    public static final String NAMESPACE = "Offhours";

    /** Operation records that ended FAILED (a sum: each worker counts its own). */
    public static final String OPERATIONS_FAILED = "OperationsFailed";
    /** Work items the worker sent to the dead-letter queue because they can never succeed (a sum). */
    public static final String WORK_ITEMS_DEAD_LETTERED = "WorkItemsDeadLettered";
    /** Schedules not converged within convergence.overdueAfter of their intent (a gauge: every replica sends it). */
    public static final String SCHEDULES_NOT_CONVERGED = "SchedulesNotConverged";
    /** Account-regions whose last discovery failed (a gauge, like {@link #SCHEDULES_NOT_CONVERGED}). */
    public static final String ACCOUNTS_DEGRADED = "AccountsDegraded";

    /** The {@code source} of every event offhours puts on the hub bus (AWS reserves {@code aws.*}). */
    public static final String EVENT_SOURCE = "dev.offhours";
    /** One per intent whose targets all reached it or failed: schema {@code docs/events/transition-finished.json}. */
    public static final String TRANSITION_FINISHED = "Offhours Transition Finished";
    /** One per account and region that turns degraded or recovers: {@code docs/events/account-health-changed.json}. */
    public static final String ACCOUNT_HEALTH_CHANGED = "Offhours Account Health Changed";

    private HubSignals() {
    }
}

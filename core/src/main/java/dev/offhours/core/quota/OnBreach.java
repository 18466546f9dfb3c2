package dev.offhours.core.quota;

/** What a wake wave that would breach a vCPU quota does. */
public enum OnBreach {
    /** Send the whole wave; the schedule, the metric, the dashboard, the accounts view and the records warn. */
    WARN,
    /** Wake in priority order up to each quota; the rest get a FAILED record {@code QuotaExceeded}. */
    WAKE_IN_PRIORITY_ORDER
}

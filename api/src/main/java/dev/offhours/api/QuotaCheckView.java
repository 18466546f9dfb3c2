package dev.offhours.api;

import java.util.List;

/**
 * The vCPU quota pre-flight of one schedule's latest wake wave in one account and region.
 *
 * @param onBreach   {@code warn} or {@code wakeInPriorityOrder}
 * @param breached   whether the wave needed more vCPUs than some quota had free
 * @param summary    one line, as the dashboard and the log show it
 * @param quotas     each quota the wave added to
 * @param refused    targets left asleep, FAILED {@code QuotaExceeded} ({@code wakeInPriorityOrder} only)
 * @param unmeasured targets whose instance types or their vCPUs could not be read
 */
public record QuotaCheckView(String schedule, String since, String checkedAt, String onBreach, boolean breached,
                             String summary, List<QuotaUseView> quotas, int targets, int refused, int unmeasured) {

    /**
     * One vCPU quota against the wave.
     *
     * @param quota    the quota's value, null when it could not be read
     * @param usage    vCPUs in use (AWS/Usage), null when unread
     * @param headroom quota minus usage, null when the quota is unknown
     */
    public record QuotaUseView(String code, String name, double need, Double quota, Double usage, Double headroom,
                               boolean breached) {
    }
}

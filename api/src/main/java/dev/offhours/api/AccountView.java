package dev.offhours.api;

import java.util.List;
import java.util.Map;

/**
 * Health of one account and region.
 *
 * @param status         OK or DEGRADED
 * @param events         whether spoke events from this account and region reached the hub: {@code SEEN} (at least
 *                       one), {@code NONE_YET} (none, and offhours has not put anything here to sleep yet),
 *                       {@code MISSING} (none although offhours put targets here to sleep, whose API calls a trail
 *                       of management write events would have forwarded: check the account's CloudTrail trail and
 *                       forwarding rules), {@code OFF} (the hub's event-driven inventory is off)
 * @param lastError      what went wrong last, null when OK
 * @param targetsByState inventory items of the account and region, by state
 * @param quota          the vCPU quota pre-flight of the latest wake waves here (last 24 hours), newest first
 */
public record AccountView(String account, String alias, String region, String status, String lastDiscoveryAt,
                          String lastEventAt, String events, String lastError, int correctedItems, Map<String, Long> targetsByState,
                          List<QuotaCheckView> quota) {

    public AccountView {
        quota = quota == null ? List.of() : List.copyOf(quota);
    }

    /** Without quota checks. */
    public AccountView(String account, String alias, String region, String status, String lastDiscoveryAt,
                       String lastEventAt, String events, String lastError, int correctedItems,
                       Map<String, Long> targetsByState) {
        this(account, alias, region, status, lastDiscoveryAt, lastEventAt, events, lastError, correctedItems,
                targetsByState, List.of());
    }

    public AccountView withQuota(List<QuotaCheckView> checks) {
        return new AccountView(account, alias, region, status, lastDiscoveryAt, lastEventAt, events, lastError,
                correctedItems, targetsByState, checks);
    }
}

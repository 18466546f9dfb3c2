package dev.offhours.api;

import java.util.Map;

/**
 * Health of one account and region.
 *
 * @param status         OK or DEGRADED
 * @param lastError      what went wrong last, null when OK
 * @param targetsByState inventory items of the account and region, by state
 */
public record AccountView(String account, String alias, String region, String status, String lastDiscoveryAt,
                          String lastEventAt, String lastError, int correctedItems, Map<String, Long> targetsByState) {
}

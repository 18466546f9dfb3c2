package dev.offhours.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * Health of one account and region.
 *
 * @param lastDiscoveryAt end of the last discovery attempt, null before the first
 * @param lastEventAt     last change event received from the account, null when none
 * @param lastError       what went wrong last (no credentials or ExternalIds in it), null when OK
 * @param correctedItems  inventory items the last discovery corrected (drift the events missed)
 */
public record AccountHealth(String account, String region, HealthStatus status, Instant lastDiscoveryAt,
                            Instant lastEventAt, String lastError, int correctedItems) {

    public AccountHealth {
        if (account == null || account.isBlank() || region == null || region.isBlank()) {
            throw new IllegalArgumentException("account health needs an account and a region, but got '" + account
                    + "' and '" + region + "'");
        }
        Objects.requireNonNull(status, "health status");
        if (correctedItems < 0) {
            throw new IllegalArgumentException("corrected items must be 0 or more, but was " + correctedItems);
        }
    }
}

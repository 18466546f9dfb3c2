package dev.offhours.reconciler.notify;

import java.time.Instant;

/**
 * The detail of an {@code Offhours Account Health Changed} event (JSON Schema in
 * {@code docs/events/account-health-changed.json}): an account and region turned DEGRADED or recovered to OK.
 *
 * @param previousStatus null when the hub had no health for it before (a first discovery that failed)
 * @param lastError      why it is degraded (no credentials or ExternalIds in it); null once OK
 */
public record AccountHealthChanged(String account, String region, String status, String previousStatus,
                                   String lastError, Instant lastDiscoveryAt, Instant changedAt) {
}

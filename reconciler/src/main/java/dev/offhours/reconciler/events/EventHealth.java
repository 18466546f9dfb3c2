package dev.offhours.reconciler.events;

import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.ControlStore;
import dev.offhours.core.port.HealthStatus;
import java.time.Instant;

/**
 * Records the last event received from each account and region in its health record, keeping what discovery wrote
 * there. Synchronized: two refresh threads of the same account must not lose each other's update (the store has no
 * conditional write for health; a discovery run writing at the same moment may still overwrite it, until the next
 * event).
 */
final class EventHealth {

    private final ControlStore control;

    EventHealth(ControlStore control) {
        this.control = control;
    }

    synchronized void eventSeen(String account, String region, Instant eventTime) {
        AccountHealth old = control.accountHealth(account, region).orElse(null);
        if (old == null) {
            control.saveAccountHealth(new AccountHealth(account, region, HealthStatus.OK, null, eventTime, null, 0));
        } else if (old.lastEventAt() == null || eventTime.isAfter(old.lastEventAt())) {
            control.saveAccountHealth(new AccountHealth(account, region, old.status(), old.lastDiscoveryAt(),
                    eventTime, old.lastError(), old.correctedItems()));
        }
    }
}

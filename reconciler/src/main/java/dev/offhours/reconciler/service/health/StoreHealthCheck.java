package dev.offhours.reconciler.service.health;

import com.codahale.metrics.health.HealthCheck;
import dev.offhours.core.port.ControlStore;

/** One key lookup on the control table (the reconciler status item): cheap, and what every replica needs. */
public final class StoreHealthCheck extends HealthCheck {

    private final ControlStore control;
    private final String description;

    public StoreHealthCheck(ControlStore control, String description) {
        this.control = control;
        this.description = description;
    }

    @Override
    protected Result check() {
        try {
            control.status();
            return Result.healthy(description + " answers");
        } catch (RuntimeException e) {
            return Result.unhealthy(description + " does not answer: " + e.getMessage());
        }
    }
}

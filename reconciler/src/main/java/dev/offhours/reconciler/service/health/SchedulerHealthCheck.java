package dev.offhours.reconciler.service.health;

import com.codahale.metrics.health.HealthCheck;
import dev.offhours.reconciler.converge.ConvergenceLoop;

/** Quartz started and not in standby: transitions will fire. */
public final class SchedulerHealthCheck extends HealthCheck {

    private final ConvergenceLoop registry;

    public SchedulerHealthCheck(ConvergenceLoop registry) {
        this.registry = registry;
    }

    @Override
    protected Result check() {
        return registry.running()
                ? Result.healthy(registry.registered().size() + " schedules registered")
                : Result.unhealthy("the Quartz scheduler is not running (not started, in standby or shut down):"
                        + " no transition will fire");
    }
}

package dev.offhours.reconciler.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The {@code convergence:} section: how the hub judges whether a schedule's targets reached what its intent wants.
 * Optional; every field has a default.
 */
public class ConvergenceConfig {

    public static final java.time.Duration DEFAULT_OVERDUE_AFTER = java.time.Duration.ofMinutes(10);

    /**
     * A schedule whose targets have not all reached its intent this long after the intent's {@code since} is overdue
     * ({@code Converged=False}); before that it is converging. Long enough for a slow EKS node-group update.
     */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration overdueAfter = Duration.milliseconds(DEFAULT_OVERDUE_AFTER.toMillis());

    public java.time.Duration overdueAfter() {
        return java.time.Duration.ofMillis(overdueAfter.toMilliseconds());
    }

    public ConvergenceConfig overdueAfter(java.time.Duration value) {
        this.overdueAfter = Duration.milliseconds(value.toMillis());
        return this;
    }
}

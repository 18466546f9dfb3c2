package dev.offhours.reconciler.notify;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.offhours.core.notify.HubSignals;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code notifications:} section: the metrics the hub stack's alarms watch (CloudWatch) and the events of
 * finished transitions and account health on the hub bus (EventBridge). Optional, off by default, so a demo or a
 * test without CloudWatch sends nothing.
 */
public class NotificationsConfig {

    /** PutMetricData of OperationsFailed, WorkItemsDeadLettered, SchedulesNotConverged, AccountsDegraded. */
    @JsonProperty
    private boolean metrics;

    /** The namespace of those metrics; the hub stack's alarms and the hub role's permission expect the default. */
    @NotBlank
    @JsonProperty
    private String namespace = HubSignals.NAMESPACE;

    /** How often the metrics are sent (the alarms' period is 5 minutes). */
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration publishInterval = Duration.minutes(1);

    /** The hub bus's name (the hub stack's {@code <prefix>hub}); empty: no events. */
    @Pattern(regexp = "|[\\w.\\-/]{1,256}", message = "must be an EventBridge bus name such as offhours-hub")
    @JsonProperty
    private String eventBusName = "";

    public boolean metrics() {
        return metrics;
    }

    public String namespace() {
        return namespace;
    }

    public java.time.Duration publishInterval() {
        return java.time.Duration.ofMillis(publishInterval.toMilliseconds());
    }

    public Optional<String> eventBusName() {
        return eventBusName == null || eventBusName.isBlank() ? Optional.empty() : Optional.of(eventBusName.trim());
    }

    public NotificationsConfig metrics(boolean value, java.time.Duration interval) {
        this.metrics = value;
        this.publishInterval = Duration.milliseconds(interval.toMillis());
        return this;
    }

    public NotificationsConfig eventBusName(String value) {
        this.eventBusName = value;
        return this;
    }
}

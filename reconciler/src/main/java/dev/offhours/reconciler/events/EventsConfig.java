package dev.offhours.reconciler.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The optional {@code events:} section: the event-driven inventory updater, which consumes the SQS queue
 * the hub bus's rule delivers spoke events to. Off by default, so a hub without the event plumbing keeps relying on
 * discovery alone.
 *
 * <pre>
 * events:
 *   enabled: true
 *   queueUrl: ${OFFHOURS_EVENTS_QUEUE_URL}
 *   deadLetterQueueUrl: ${OFFHOURS_EVENTS_DEAD_LETTER_QUEUE_URL}
 *   debounce: 2s          # API-call events of one resource gathered this long before one refresh
 *   instanceWindow: 60s   # bursts of native instance events gathered this long
 *   refreshThreads: 8     # resources refreshed at once
 *   receiveWait: 20s      # SQS long poll, 1 to 20 s
 * </pre>
 */
public class EventsConfig {

    private static final InventoryUpdater.Settings DEFAULTS = InventoryUpdater.Settings.of("", "");

    @JsonProperty
    private boolean enabled;

    @JsonProperty
    private String queueUrl;

    @JsonProperty
    private String deadLetterQueueUrl;

    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration debounce = Duration.milliseconds(DEFAULTS.debounce().toMillis());

    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration instanceWindow = Duration.milliseconds(DEFAULTS.instanceWindow().toMillis());

    @Min(1)
    @Max(256)
    @JsonProperty
    private int refreshThreads = DEFAULTS.refreshThreads();

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 20, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration receiveWait = Duration.seconds(DEFAULTS.maxWaitSeconds());

    /** A validation method: its message is printed alone, so it names the fields itself. */
    @ValidationMethod(message = "events.enabled is true, which needs both events.queueUrl and "
            + "events.deadLetterQueueUrl: give the events queue and its dead-letter queue, or set events.enabled to "
            + "false")
    @JsonIgnore
    public boolean isQueuesNamedWhenEnabled() {
        return !enabled || (isGiven(queueUrl) && isGiven(deadLetterQueueUrl));
    }

    private static boolean isGiven(String value) {
        return value != null && !value.isBlank();
    }

    public boolean enabled() {
        return enabled;
    }

    public String queueUrl() {
        return queueUrl;
    }

    public String deadLetterQueueUrl() {
        return deadLetterQueueUrl;
    }

    /** The updater's settings; only meaningful when the section validated and is enabled. */
    public InventoryUpdater.Settings settings() {
        return new InventoryUpdater.Settings(queueUrl, deadLetterQueueUrl,
                java.time.Duration.ofMillis(debounce.toMilliseconds()),
                java.time.Duration.ofMillis(instanceWindow.toMilliseconds()), refreshThreads,
                (int) receiveWait.toSeconds());
    }

    public EventsConfig enabled(boolean value) {
        this.enabled = value;
        return this;
    }

    public EventsConfig queueUrl(String value) {
        this.queueUrl = value;
        return this;
    }

    public EventsConfig deadLetterQueueUrl(String value) {
        this.deadLetterQueueUrl = value;
        return this;
    }
}

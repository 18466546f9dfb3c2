package dev.offhours.reconciler.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.concurrent.TimeUnit;

/**
 * The {@code discovery:} section of the service configuration.
 *
 * <pre>
 * discovery:
 *   enabled: true
 *   interval: 24 hours       # anti-entropy behind the event-driven inventory: between the end of one run and the
 *                            # start of the next; the first runs at start
 *   concurrency: 16          # account-regions listed at once
 *   progressEvery: 100       # log progress after every this many account-regions
 * </pre>
 */
public class DiscoveryConfig {

    private boolean enabled = true;

    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration interval = Duration.hours(24);

    @Min(1)
    @Max(256)
    private int concurrency = Discovery.Settings.DEFAULTS.concurrency();

    @Min(1)
    private int progressEvery = Discovery.Settings.DEFAULTS.progressEvery();

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public Duration getInterval() {
        return interval;
    }

    @JsonProperty
    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    @JsonProperty
    public int getConcurrency() {
        return concurrency;
    }

    @JsonProperty
    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    @JsonProperty
    public int getProgressEvery() {
        return progressEvery;
    }

    @JsonProperty
    public void setProgressEvery(int progressEvery) {
        this.progressEvery = progressEvery;
    }

    public Discovery.Settings settings() {
        return new Discovery.Settings(concurrency, progressEvery);
    }

    public java.time.Duration intervalDuration() {
        return java.time.Duration.ofMillis(interval.toMilliseconds());
    }
}

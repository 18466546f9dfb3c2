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

    @JsonProperty
    private boolean enabled = true;

    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    @JsonProperty
    private Duration interval = Duration.hours(24);

    @Min(1)
    @Max(256)
    @JsonProperty
    private int concurrency = Discovery.Settings.DEFAULTS.concurrency();

    @Min(1)
    @JsonProperty
    private int progressEvery = Discovery.Settings.DEFAULTS.progressEvery();

    public boolean enabled() {
        return enabled;
    }

    public DiscoveryConfig enabled(boolean value) {
        this.enabled = value;
        return this;
    }

    public Duration interval() {
        return interval;
    }

    public DiscoveryConfig interval(Duration value) {
        this.interval = value;
        return this;
    }

    public int concurrency() {
        return concurrency;
    }

    public DiscoveryConfig concurrency(int value) {
        this.concurrency = value;
        return this;
    }

    public int progressEvery() {
        return progressEvery;
    }

    public DiscoveryConfig progressEvery(int value) {
        this.progressEvery = value;
        return this;
    }

    public Discovery.Settings settings() {
        return new Discovery.Settings(concurrency, progressEvery);
    }

    public java.time.Duration intervalDuration() {
        return java.time.Duration.ofMillis(interval.toMilliseconds());
    }
}

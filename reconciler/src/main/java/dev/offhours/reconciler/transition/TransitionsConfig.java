package dev.offhours.reconciler.transition;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.concurrent.TimeUnit;

/**
 * The {@code transitions:} section of the service configuration.
 *
 * <pre>
 * transitions:
 *   threads: 4                 # Quartz worker threads: transitions of different schedules dispatched at once
 *   catchUpInterval: 1 minute  # how often missed transitions are looked for (also detects JVM pauses)
 *   sweepInterval: 5 minutes   # enforce: true drift sweep
 *   sweepSettle: 5 minutes     # no sweep of a schedule this soon after its transition
 * </pre>
 */
public class TransitionsConfig {

    @Min(1)
    @Max(32)
    private int threads = 4;

    @MinDuration(value = 5, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.HOURS)
    private Duration catchUpInterval = Duration.minutes(1);

    @MinDuration(value = 10, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.DAYS)
    private Duration sweepInterval = Duration.minutes(5);

    @MinDuration(value = 0, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.DAYS)
    private Duration sweepSettle = Duration.minutes(5);

    @JsonProperty
    public int getThreads() {
        return threads;
    }

    @JsonProperty
    public void setThreads(int threads) {
        this.threads = threads;
    }

    @JsonProperty
    public Duration getCatchUpInterval() {
        return catchUpInterval;
    }

    @JsonProperty
    public void setCatchUpInterval(Duration catchUpInterval) {
        this.catchUpInterval = catchUpInterval;
    }

    @JsonProperty
    public Duration getSweepInterval() {
        return sweepInterval;
    }

    @JsonProperty
    public void setSweepInterval(Duration sweepInterval) {
        this.sweepInterval = sweepInterval;
    }

    @JsonProperty
    public Duration getSweepSettle() {
        return sweepSettle;
    }

    @JsonProperty
    public void setSweepSettle(Duration sweepSettle) {
        this.sweepSettle = sweepSettle;
    }

    /** The settings the registry needs, in java.time. */
    public QuartzTransitionRegistry.Settings settings() {
        return new QuartzTransitionRegistry.Settings(threads, javaTime(catchUpInterval), javaTime(sweepInterval),
                javaTime(sweepSettle));
    }

    private static java.time.Duration javaTime(Duration duration) {
        return java.time.Duration.ofMillis(duration.toMilliseconds());
    }
}

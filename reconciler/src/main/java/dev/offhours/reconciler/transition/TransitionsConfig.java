package dev.offhours.reconciler.transition;

import dev.offhours.reconciler.converge.ConvergenceSettings;
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
 *   catchUpInterval: 30 seconds # the convergence loop's tick: every schedule is compared with its targets this often
 *                               # (and at each transition's instant)
 *   lease: 2 minutes            # a replica owns a schedule's intent this long after its last pass
 *   resendAfter: 5 minutes      # a target still pending this long gets its work item again
 *   sweepInterval: 5 minutes    # enforce: true drift sweep
 *   sweepSettle: 5 minutes      # a target's opposite state counts as drift this long after offhours acted on it
 * </pre>
 *
 * {@code threads} is still read (older configurations carry it) but no longer used: one loop serves every schedule.
 */
public class TransitionsConfig {

    @Min(1)
    @Max(32)
    @JsonProperty
    private int threads = 4;

    @MinDuration(value = 5, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.HOURS)
    @JsonProperty
    private Duration catchUpInterval = Duration.seconds(30);

    @MinDuration(value = 10, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.DAYS)
    @JsonProperty
    private Duration lease = Duration.minutes(2);

    @MinDuration(value = 10, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.DAYS)
    @JsonProperty
    private Duration resendAfter = Duration.minutes(5);

    @MinDuration(value = 10, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.DAYS)
    @JsonProperty
    private Duration sweepInterval = Duration.minutes(5);

    @MinDuration(value = 0, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.DAYS)
    @JsonProperty
    private Duration sweepSettle = Duration.minutes(5);

    public int threads() {
        return threads;
    }

    public TransitionsConfig threads(int value) {
        this.threads = value;
        return this;
    }

    public Duration catchUpInterval() {
        return catchUpInterval;
    }

    public TransitionsConfig catchUpInterval(Duration value) {
        this.catchUpInterval = value;
        return this;
    }

    public Duration lease() {
        return lease;
    }

    public TransitionsConfig lease(Duration value) {
        this.lease = value;
        return this;
    }

    public Duration resendAfter() {
        return resendAfter;
    }

    public TransitionsConfig resendAfter(Duration value) {
        this.resendAfter = value;
        return this;
    }

    public Duration sweepInterval() {
        return sweepInterval;
    }

    public TransitionsConfig sweepInterval(Duration value) {
        this.sweepInterval = value;
        return this;
    }

    public Duration sweepSettle() {
        return sweepSettle;
    }

    public TransitionsConfig sweepSettle(Duration value) {
        this.sweepSettle = value;
        return this;
    }

    /** The convergence loop's settings, in java.time; {@code pageSize} is the dispatch section's. */
    public ConvergenceSettings settings(int pageSize) {
        return new ConvergenceSettings(javaTime(catchUpInterval), javaTime(lease), javaTime(resendAfter),
                javaTime(sweepInterval), javaTime(sweepSettle), pageSize);
    }

    private static java.time.Duration javaTime(Duration duration) {
        return java.time.Duration.ofMillis(duration.toMilliseconds());
    }
}

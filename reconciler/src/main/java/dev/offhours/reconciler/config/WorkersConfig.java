package dev.offhours.reconciler.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.offhours.worker.SpokeWorker;
import dev.offhours.worker.runtime.PoolSettings;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The {@code workers:} section: the in-service pool that consumes the work queue (turn it off when a Lambda function
 * consumes the queue instead).
 */
public class WorkersConfig {

    @JsonProperty
    private boolean enabled = true;

    /**
     * Work items in flight at once. They hold no thread each (the worker waits for AWS without one), so this bounds
     * memory and how far ahead the pool reads the queue; the spokes' rate limits set the pace. The Lambda
     * equivalent is the event source mapping's maximum concurrency times its batch.
     */
    @Min(1)
    @Max(20_000)
    @JsonProperty
    private int concurrency = PoolSettings.DEFAULT_MAX_IN_FLIGHT;

    /** Where rejected work items go; the work queue's redrive policy should name the same queue. */
    @NotBlank
    @JsonProperty
    private String deadLetterQueueUrl;

    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 20, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration receiveWait = Duration.seconds(20);

    /** When to look again at an asynchronous EKS node-group update. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration confirmDelay = Duration.seconds(15);

    /** Base delay before a throttled item is tried again (jittered up to twice). */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration retryLaterDelay = Duration.seconds(10);

    /**
     * How long a work item that began its intent holds its target against other intents (see SpokeWorker.Settings);
     * at least a minute, so it outlasts any single attempt.
     */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    @JsonProperty
    private Duration intentLease = Duration.minutes(SpokeWorker.Settings.DEFAULT_LEASE.toMinutes());

    /** Attempts of one work item before transient trouble is recorded FAILED RetriesExhausted (see SpokeWorker.Settings). */
    @Min(1)
    @Max(10_000)
    @JsonProperty
    private int retryBudget = SpokeWorker.Settings.DEFAULT_RETRY_BUDGET;

    /** How long operation records are kept (DynamoDB TTL). */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.DAYS)
    @JsonProperty
    private Duration recordRetention = Duration.days(90);

    /** How long a stopping service waits for work items in flight. */
    @NotNull
    @JsonProperty
    private Duration shutdownGrace = Duration.seconds(20);

    public boolean enabled() {
        return enabled;
    }

    public int concurrency() {
        return concurrency;
    }

    public String deadLetterQueueUrl() {
        return deadLetterQueueUrl;
    }

    public java.time.Duration receiveWait() {
        return java.time.Duration.ofMillis(receiveWait.toMilliseconds());
    }

    public java.time.Duration confirmDelay() {
        return java.time.Duration.ofMillis(confirmDelay.toMilliseconds());
    }

    public java.time.Duration retryLaterDelay() {
        return java.time.Duration.ofMillis(retryLaterDelay.toMilliseconds());
    }

    public java.time.Duration intentLease() {
        return java.time.Duration.ofMillis(intentLease.toMilliseconds());
    }

    public int retryBudget() {
        return retryBudget;
    }

    public java.time.Duration recordRetention() {
        return java.time.Duration.ofMillis(recordRetention.toMilliseconds());
    }

    public java.time.Duration shutdownGrace() {
        return java.time.Duration.ofMillis(shutdownGrace.toMilliseconds());
    }

    /**
     * The spoke worker's settings from this section; what the section does not name (how long one Auto Scaling
     * describe may serve other items) is the worker's default, as in the Lambda function.
     */
    public SpokeWorker.Settings workerSettings() {
        return new SpokeWorker.Settings(recordRetention(), confirmDelay(), retryLaterDelay(),
                SpokeWorker.Settings.defaults().asgViewFreshness(), intentLease(), retryBudget());
    }

    public WorkersConfig enabled(boolean value) {
        this.enabled = value;
        return this;
    }

    public WorkersConfig concurrency(int value) {
        this.concurrency = value;
        return this;
    }

    public WorkersConfig deadLetterQueueUrl(String value) {
        this.deadLetterQueueUrl = value;
        return this;
    }

    public WorkersConfig receiveWait(java.time.Duration value) {
        this.receiveWait = Duration.milliseconds(value.toMillis());
        return this;
    }

    public WorkersConfig confirmDelay(java.time.Duration value) {
        this.confirmDelay = Duration.milliseconds(value.toMillis());
        return this;
    }

    public WorkersConfig retryLaterDelay(java.time.Duration value) {
        this.retryLaterDelay = Duration.milliseconds(value.toMillis());
        return this;
    }

    public WorkersConfig intentLease(java.time.Duration value) {
        this.intentLease = Duration.milliseconds(value.toMillis());
        return this;
    }

    public WorkersConfig retryBudget(int value) {
        this.retryBudget = value;
        return this;
    }

    public WorkersConfig shutdownGrace(java.time.Duration value) {
        this.shutdownGrace = Duration.milliseconds(value.toMillis());
        return this;
    }
}

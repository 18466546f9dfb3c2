package dev.offhours.reconciler.dispatch;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The {@code dispatch:} section of the service configuration.
 *
 * <pre>
 * dispatch:
 *   workQueueUrl: ${OFFHOURS_WORK_QUEUE_URL}
 *   sendConcurrency: 12       # SendMessageBatch requests in flight at once
 *   maxSendAttempts: 5        # per entry, the first included
 *   sendBackoff: 100 milliseconds
 *   pageSize: 1000            # inventory items per bySchedule page
 * </pre>
 */
public class DispatchConfig {

    @NotBlank
    @JsonProperty
    private String workQueueUrl;

    @Min(1)
    @Max(64)
    @JsonProperty
    private int sendConcurrency = 12;

    @Min(1)
    @Max(20)
    @JsonProperty
    private int maxSendAttempts = 5;

    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 30, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration sendBackoff = Duration.milliseconds(100);

    @Min(1)
    @Max(1000)
    @JsonProperty
    private int pageSize = 1000;

    public String workQueueUrl() {
        return workQueueUrl;
    }

    public DispatchConfig workQueueUrl(String value) {
        this.workQueueUrl = value;
        return this;
    }

    public int sendConcurrency() {
        return sendConcurrency;
    }

    public DispatchConfig sendConcurrency(int value) {
        this.sendConcurrency = value;
        return this;
    }

    public int maxSendAttempts() {
        return maxSendAttempts;
    }

    public DispatchConfig maxSendAttempts(int value) {
        this.maxSendAttempts = value;
        return this;
    }

    public Duration sendBackoff() {
        return sendBackoff;
    }

    public DispatchConfig sendBackoff(Duration value) {
        this.sendBackoff = value;
        return this;
    }

    public int pageSize() {
        return pageSize;
    }

    public DispatchConfig pageSize(int value) {
        this.pageSize = value;
        return this;
    }

    /** The SQS work queue these settings describe; the caller owns {@code sqs} and closes the queue. */
    public SqsWorkQueue workQueue(SqsClient sqs) {
        return new SqsWorkQueue(sqs, workQueueUrl, sendConcurrency, maxSendAttempts,
                java.time.Duration.ofMillis(sendBackoff.toMilliseconds()));
    }
}

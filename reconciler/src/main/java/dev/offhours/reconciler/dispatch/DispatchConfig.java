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
    private String workQueueUrl;

    @Min(1)
    @Max(64)
    private int sendConcurrency = 12;

    @Min(1)
    @Max(20)
    private int maxSendAttempts = 5;

    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 30, unit = TimeUnit.SECONDS)
    private Duration sendBackoff = Duration.milliseconds(100);

    @Min(1)
    @Max(1000)
    private int pageSize = 1000;

    @JsonProperty
    public String getWorkQueueUrl() {
        return workQueueUrl;
    }

    @JsonProperty
    public void setWorkQueueUrl(String workQueueUrl) {
        this.workQueueUrl = workQueueUrl;
    }

    @JsonProperty
    public int getSendConcurrency() {
        return sendConcurrency;
    }

    @JsonProperty
    public void setSendConcurrency(int sendConcurrency) {
        this.sendConcurrency = sendConcurrency;
    }

    @JsonProperty
    public int getMaxSendAttempts() {
        return maxSendAttempts;
    }

    @JsonProperty
    public void setMaxSendAttempts(int maxSendAttempts) {
        this.maxSendAttempts = maxSendAttempts;
    }

    @JsonProperty
    public Duration getSendBackoff() {
        return sendBackoff;
    }

    @JsonProperty
    public void setSendBackoff(Duration sendBackoff) {
        this.sendBackoff = sendBackoff;
    }

    @JsonProperty
    public int getPageSize() {
        return pageSize;
    }

    @JsonProperty
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /** The SQS work queue these settings describe; the caller owns {@code sqs} and closes the queue. */
    public SqsWorkQueue workQueue(SqsClient sqs) {
        return new SqsWorkQueue(sqs, workQueueUrl, sendConcurrency, maxSendAttempts,
                java.time.Duration.ofMillis(sendBackoff.toMilliseconds()));
    }
}

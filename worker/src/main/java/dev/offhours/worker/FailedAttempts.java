package dev.offhours.worker;

import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.RateLimitExceededException;
import dev.offhours.aws.AwsErrors;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.StoreRefusedException;
import dev.offhours.core.port.StoreUnavailableException;
import dev.offhours.core.work.WorkItem;
import dev.offhours.worker.action.TargetNotFoundException;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;

/**
 * What an attempt that failed comes to, in one place: a FAILED record that says why (a dead account, a missing
 * target, a permanent AWS refusal, a bug), or an outcome that sends the item back to the queue (throttling after the
 * pipeline's retries, a busy limiter or node group, an unavailable store), or, for a store that refuses, the
 * dead-letter queue. Failures are classified by {@link AwsErrors#classify}, for spoke and store calls alike.
 */
final class FailedAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(FailedAttempts.class);

    private final RecordFactory records;
    private final RoleCredentialsCache credentials;
    private final Duration retryLaterDelay;

    /** @param retryLaterDelay base delay, jittered up to twice, of an item sent back */
    FailedAttempts(RecordFactory records, RoleCredentialsCache credentials, Duration retryLaterDelay) {
        this.records = records;
        this.credentials = credentials;
        this.retryLaterDelay = retryLaterDelay;
    }

    /** A failed attempt: a step whose record says why, or an outcome that sends the item back. */
    record Judged(TargetOperation.Step step, Outcome outcome) {
        static Judged step(TargetOperation.Step step) {
            return new Judged(step, null);
        }
    }

    Judged judge(WorkItem item, Optional<OperationRecord> existing, int attempts, Instant started,
                         Throwable failure) {
        String account = item.target().account();
        if (failure instanceof CircuitBreakerOpenException) {
            return new Judged(failed(item, existing, attempts, started, "AccountUnavailable", "calls to account "
                    + account + " are paused because its role " + credentials.roleArn(account)
                    + " could not be assumed recently"), null);
        }
        if (failure instanceof RateLimitExceededException) {
            return new Judged(null, later("the rate limit of account " + account + " in " + item.target().region()
                    + " is used up"));
        }
        if (failure instanceof ResourceInUseException e) {
            return new Judged(null, later("the node group is busy with another update: "
                    + e.awsErrorDetails().errorMessage()));
        }
        if (failure instanceof TargetNotFoundException) {
            return new Judged(failed(item, existing, attempts, started, "NotFound", failure.getMessage()), null);
        }
        if (failure instanceof StoreUnavailableException e) {
            // the awake capacity could not be read or saved, before any change to the target
            return new Judged(null, storeTrouble(e, "the target's awake capacity could not be read or saved: "
                    + e.getMessage()));
        }
        if (failure instanceof AwsServiceException e) {
            if (AwsErrors.classify(e).retries()) {
                return new Judged(null, later("transient " + AwsErrors.errorCode(e) + " after retries: "
                        + e.awsErrorDetails().errorMessage()));
            }
            String what = AwsErrors.isRoleUnavailable(e) ? "cannot assume role " + credentials.roleArn(account) + ": "
                    : "";
            return new Judged(failed(item, existing, attempts, started, AwsErrors.errorCode(e),
                    what + e.awsErrorDetails().errorMessage()), null);
        }
        if (failure instanceof RuntimeException e && AwsErrors.classify(e).retries()) {
            return new Judged(null, later("transient " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        if (failure instanceof StoreRefusedException e) {
            return new Judged(null, storeTrouble(e, e.getMessage()));
        }
        return new Judged(failed(item, existing, attempts, started, "InternalError",
                failure.getClass().getSimpleName() + ": " + failure.getMessage()), null);
    }

    private TargetOperation.Step failed(WorkItem item, Optional<OperationRecord> existing, int attempts, Instant started,
                                        String code, String message) {
        return TargetOperation.Step.finish(records.build(item, existing, attempts, started, OperationStatus.FAILED,
                existing.map(OperationRecord::before).orElse(null), null, code, message, null));
    }

    /**
     * A store call failed. An unavailable store is waited for ({@code laterReason}); a store that refuses (access
     * denied, a missing table, an invalid request) answers the same on every attempt and cannot take the record
     * either, so the item goes to the dead-letter queue at once with the store's reason: fix it, then redrive.
     */
    Outcome storeTrouble(Throwable e, String laterReason) {
        if (e instanceof StoreRefusedException refused) {
            LOG.error("the hub's store refuses ({}): {}", refused.errorCode(), refused.getMessage());
            return Outcome.reject("the hub's store refuses, retrying cannot help: " + refused.getMessage());
        }
        return later(laterReason);
    }

    Outcome later(String reason) {
        long base = retryLaterDelay.toMillis();
        return Outcome.retryLater(Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base + 1)), reason);
    }
}

package dev.offhours.reconciler.inventory;

import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.RateLimitExceededException;
import dev.offhours.core.port.StoreUnavailableException;
import dev.offhours.aws.AwsErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns a failed listing into the sentence an operator reads in the account health record: what failed, with AWS's
 * error code. Only AWS's error code and message are used (never a request, its headers or credentials).
 */
final class DiscoveryErrors {

    private DiscoveryErrors() {
    }

    static String sentence(String account, String region, String roleArn, Throwable error) {
        String where = "account " + account + " region " + region;
        if (error instanceof CircuitBreakerOpenException) {
            return "calls to " + where + " are paused because role " + roleArn
                    + " could not be assumed recently (circuit breaker open); discovery tries again on its next run";
        }
        if (error instanceof RateLimitExceededException) {
            return "the hub's rate limit for " + where + " stayed used up (the worker shares it); the listing stopped"
                    + " before it was complete";
        }
        if (AwsErrors.isRoleUnavailable(error)) {
            return "cannot assume role " + roleArn + ": " + aws((AwsServiceException) error);
        }
        if (error instanceof AwsServiceException e) {
            String service = e.awsErrorDetails() == null ? null : e.awsErrorDetails().serviceName();
            String what = AwsErrors.isThrottling(e) ? "kept throttling the listing of " : "refused the listing of ";
            return (service == null ? "AWS" : service) + " " + what + where + ": " + aws(e);
        }
        if (error instanceof SdkClientException) {
            return "could not reach AWS while listing " + where + ": " + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : " (" + error.getMessage() + ")");
        }
        if (error instanceof StoreUnavailableException) {
            return "the hub's inventory store failed while discovery wrote " + where + ": " + error.getMessage();
        }
        return "discovery of " + where + " failed: " + error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    private static String aws(AwsServiceException e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return AwsErrors.errorCode(e) + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}

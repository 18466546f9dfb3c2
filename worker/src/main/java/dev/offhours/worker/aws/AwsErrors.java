package dev.offhours.worker.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.StsException;

/** Classifies AWS SDK failures: throttling (retry with backoff), access denied (breaker), transient, permanent. */
public final class AwsErrors {

    private static final Set<String> THROTTLING_CODES = Set.of(
            "Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded");
    private static final Set<String> ACCESS_DENIED_CODES = Set.of(
            "AccessDenied", "AccessDeniedException", "InvalidClientTokenId", "UnrecognizedClientException");

    private AwsErrors() {
    }

    public static String errorCode(Throwable error) {
        if (error instanceof AwsServiceException e && e.awsErrorDetails() != null
                && e.awsErrorDetails().errorCode() != null) {
            return e.awsErrorDetails().errorCode();
        }
        return error.getClass().getSimpleName();
    }

    /** AWS's throttling answers, including EKS's HTTP 400 "Request limit exceeded" that the SDK does not retry. */
    public static boolean isThrottling(Throwable error) {
        if (!(error instanceof AwsServiceException e)) {
            return false;
        }
        String code = errorCode(e);
        if (THROTTLING_CODES.contains(code) || e.isThrottlingException()) {
            return true;
        }
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        message = message == null ? e.getMessage() : message;
        return "InvalidRequestException".equals(code) && message != null
                && message.toLowerCase().contains("request limit exceeded");
    }

    /** The hub cannot assume the spoke role: the account is unreachable until someone fixes the role or trust. */
    public static boolean isRoleUnavailable(Throwable error) {
        return error instanceof StsException e && (ACCESS_DENIED_CODES.contains(errorCode(e)) || e.statusCode() == 403);
    }

    /** Worth another attempt: throttling, a 5xx, or a network problem. */
    public static boolean isTransient(Throwable error) {
        if (isThrottling(error)) {
            return true;
        }
        if (error instanceof AwsServiceException e) {
            return e.statusCode() >= 500;
        }
        return error instanceof SdkClientException;
    }
}

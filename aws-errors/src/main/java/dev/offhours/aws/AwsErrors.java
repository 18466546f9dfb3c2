package dev.offhours.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Classifies AWS SDK failures, for spoke calls and the hub's DynamoDB tables alike ({@link #classify}): throttling
 * (retry with backoff), transient (retry), access denied and invalid requests (permanent: fail once, clearly).
 */
public final class AwsErrors {

    private static final Set<String> THROTTLING_CODES = Set.of(
            "Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded");
    private static final Set<String> ACCESS_DENIED_CODES = Set.of(
            "AccessDenied", "AccessDeniedException", "InvalidClientTokenId", "UnrecognizedClientException",
            "UnauthorizedOperation", "AuthFailure");
    /** 4xx answers that a later attempt may not get: capacity and conflicts, expired session credentials. */
    private static final Set<String> TRANSIENT_CLIENT_CODES = Set.of(
            "ProvisionedThroughputExceededException", "RequestLimitExceeded", "TransactionConflictException", "TransactionInProgressException", "ExpiredToken", "ExpiredTokenException",
            "RequestTimeout", "RequestTimeoutException", "IDPCommunicationError");

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
        return classify(error).retries();
    }

    /**
     * What the failure means. An SDK client error (the network, a timeout) is transient, any other exception is a
     * fault that another attempt repeats; AWS's answers are judged by their code first and their HTTP status after.
     */
    public static AwsFailure classify(Throwable error) {
        if (isThrottling(error)) {
            return AwsFailure.THROTTLED;
        }
        if (!(error instanceof AwsServiceException e)) {
            return error instanceof SdkClientException ? AwsFailure.TRANSIENT : AwsFailure.INVALID;
        }
        String code = errorCode(e);
        if (TRANSIENT_CLIENT_CODES.contains(code) || e.statusCode() >= 500) {
            return AwsFailure.TRANSIENT;
        }
        if (ACCESS_DENIED_CODES.contains(code) || e.statusCode() == 401 || e.statusCode() == 403) {
            return AwsFailure.ACCESS_DENIED;
        }
        return AwsFailure.INVALID;
    }
}

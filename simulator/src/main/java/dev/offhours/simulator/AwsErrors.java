package dev.offhours.simulator;

import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.InvalidNextTokenException;
import software.amazon.awssdk.services.autoscaling.model.LimitExceededException;
import software.amazon.awssdk.services.eks.model.BadRequestException;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.InvalidRequestException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.model.ServerException;
import software.amazon.awssdk.services.eks.model.ServiceUnavailableException;
import software.amazon.awssdk.services.eks.model.ThrottlingException;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The errors AWS answers, built the way the SDK's unmarshallers build them: the service's typed exception (or its
 * base exception) with error code, message and HTTP status in {@link AwsErrorDetails}, so code that inspects
 * {@code awsErrorDetails().errorCode()} or {@code statusCode()} sees what AWS sends.
 */
final class AwsErrors {
    static final String RATE_EXCEEDED = "Rate exceeded";
    static final String REQUEST_LIMIT_EXCEEDED = "Request limit exceeded";
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";
    private static final String EXPIRED_TOKEN = "The security token included in the request is expired";

    private AwsErrors() {
    }

    static AwsServiceException throttling(ApiFamily family, boolean eksRequestLimit) {
        return switch (family) {
            case AUTOSCALING -> build(AutoScalingException.builder(), family, "Throttling", RATE_EXCEEDED, 400);
            case STS -> build(StsException.builder(), family, "Throttling", RATE_EXCEEDED, 400);
            case EKS -> eksRequestLimit
                    ? build(InvalidRequestException.builder(), family, "InvalidRequestException", REQUEST_LIMIT_EXCEEDED, 400)
                    : build(ThrottlingException.builder(), family, "ThrottlingException", RATE_EXCEEDED, 429);
        };
    }

    static AwsServiceException serverError(ApiFamily family, boolean unavailable) {
        String message = unavailable ? "Service is unavailable. Please try again later." : "An internal error occurred.";
        int status = unavailable ? 503 : 500;
        return switch (family) {
            case AUTOSCALING -> build(AutoScalingException.builder(), family,
                    unavailable ? "ServiceUnavailable" : "InternalFailure", message, status);
            case STS -> build(StsException.builder(), family,
                    unavailable ? "ServiceUnavailable" : "InternalFailure", message, status);
            case EKS -> unavailable
                    ? build(ServiceUnavailableException.builder(), family, "ServiceUnavailableException", message, status)
                    : build(ServerException.builder(), family, "ServerException", message, status);
        };
    }

    static AwsServiceException invalidToken(ApiFamily family) {
        return switch (family) {
            case AUTOSCALING -> build(AutoScalingException.builder(), family, "InvalidClientTokenId", INVALID_TOKEN, 403);
            case STS -> build(StsException.builder(), family, "InvalidClientTokenId", INVALID_TOKEN, 403);
            case EKS -> build(EksException.builder(), family, "UnrecognizedClientException", INVALID_TOKEN, 403);
        };
    }

    static AwsServiceException expiredToken(ApiFamily family) {
        return switch (family) {
            case AUTOSCALING -> build(AutoScalingException.builder(), family, "ExpiredToken", EXPIRED_TOKEN, 403);
            case STS -> build(ExpiredTokenException.builder(), family, "ExpiredToken", EXPIRED_TOKEN, 403);
            case EKS -> build(EksException.builder(), family, "ExpiredTokenException", EXPIRED_TOKEN, 403);
        };
    }

    static AutoScalingException asgValidation(String message) {
        return build(AutoScalingException.builder(), ApiFamily.AUTOSCALING, "ValidationError", message, 400);
    }

    static AutoScalingException asgInvalidNextToken(String token) {
        return build(InvalidNextTokenException.builder(), ApiFamily.AUTOSCALING, "InvalidNextToken",
                "The token '" + token + "' is invalid.", 400);
    }

    static AutoScalingException asgLimitExceeded(String message) {
        return build(LimitExceededException.builder(), ApiFamily.AUTOSCALING, "LimitExceeded", message, 400);
    }

    static EksException eksInvalidParameter(String message, String cluster, String nodegroup) {
        return build(InvalidParameterException.builder().clusterName(cluster).nodegroupName(nodegroup),
                ApiFamily.EKS, "InvalidParameterException", message, 400);
    }

    static EksException eksNotFound(String message, String cluster, String nodegroup) {
        return build(ResourceNotFoundException.builder().clusterName(cluster).nodegroupName(nodegroup),
                ApiFamily.EKS, "ResourceNotFoundException", message, 404);
    }

    static EksException eksInUse(String message, String cluster, String nodegroup) {
        return build(ResourceInUseException.builder().clusterName(cluster).nodegroupName(nodegroup),
                ApiFamily.EKS, "ResourceInUseException", message, 409);
    }

    static EksException eksBadRequest(String message) {
        return build(BadRequestException.builder(), ApiFamily.EKS, "BadRequestException", message, 400);
    }

    static StsException stsAccessDenied(String message) {
        return build(StsException.builder(), ApiFamily.STS, "AccessDenied", message, 403);
    }

    static StsException stsValidation(String message) {
        return build(StsException.builder(), ApiFamily.STS, "ValidationError", message, 400);
    }

    @SuppressWarnings("unchecked")
    private static <E extends AwsServiceException> E build(
            AwsServiceException.Builder builder, ApiFamily family, String code, String message, int status) {
        AwsErrorDetails details = AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName(serviceName(family))
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                .build();
        return (E) builder.message(message)
                .statusCode(status)
                .requestId(UUID.randomUUID().toString())
                .awsErrorDetails(details)
                .build();
    }

    private static String serviceName(ApiFamily family) {
        return switch (family) {
            case AUTOSCALING -> "AutoScaling";
            case EKS -> "Eks";
            case STS -> "Sts";
        };
    }
}

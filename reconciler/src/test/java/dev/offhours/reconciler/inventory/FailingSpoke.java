package dev.offhours.reconciler.inventory;

import dev.offhours.worker.credentials.RoleCredentialsCache;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingRequest;
import software.amazon.awssdk.services.eks.model.EksRequest;

/**
 * Makes every spoke call of one account fail the way AWS fails (moto never does). A request's account is known by
 * the access key it is signed with: the one the hub's credential cache holds for that account.
 */
final class FailingSpoke implements ExecutionInterceptor {

    private final String account;
    private final Class<? extends SdkRequest> requests;
    private final Supplier<RuntimeException> failure;
    private volatile String accessKey;

    private FailingSpoke(String account, Class<? extends SdkRequest> requests, Supplier<RuntimeException> failure) {
        this.account = account;
        this.requests = requests;
        this.failure = failure;
    }

    static FailingSpoke accessDenied(String account) {
        return new FailingSpoke(account, AutoScalingRequest.class, () -> AutoScalingException.builder().statusCode(403)
                .awsErrorDetails(details("AccessDenied", "User: arn:aws:sts::" + account
                        + ":assumed-role/offhours-spoke/offhours-worker is not authorized to perform:"
                        + " autoscaling:DescribeAutoScalingGroups")).build());
    }

    static FailingSpoke throttling(String account) {
        return new FailingSpoke(account, AutoScalingRequest.class, () -> AutoScalingException.builder().statusCode(400)
                .awsErrorDetails(details("Throttling", "Rate exceeded")).build());
    }

    static FailingSpoke timeout(String account) {
        return new FailingSpoke(account, EksRequest.class, () -> ApiCallAttemptTimeoutException.create(20_000));
    }

    /** Learns the access key of the account from the cache the hub uses (assuming its role once). */
    void aimAt(RoleCredentialsCache credentials) {
        accessKey = credentials.credentials(account).accessKeyId();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String authorization = context.httpRequest().firstMatchingHeader("Authorization").orElse("");
        if (accessKey != null && requests.isInstance(context.request())
                && authorization.contains("Credential=" + accessKey + "/")) {
            throw failure.get();
        }
    }

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).build();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}

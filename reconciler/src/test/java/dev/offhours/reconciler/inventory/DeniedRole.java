package dev.offhours.reconciler.inventory;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.StsException;

/** The spoke role of one account cannot be assumed (its trust policy is broken), as AWS answers it. */
final class DeniedRole implements ExecutionInterceptor {

    final AtomicInteger calls = new AtomicInteger();
    private final String account;

    DeniedRole(String account) {
        this.account = account;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof AssumeRoleRequest assume && assume.roleArn().contains(":" + account + ":")) {
            calls.incrementAndGet();
            throw StsException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("AccessDenied").errorMessage("User: arn:aws:iam::123456789012:user/hub is not authorized"
                            + " to perform: sts:AssumeRole on resource: arn:aws:iam::" + account + ":role/offhours-spoke")
                    .build()).build();
        }
    }
}

package dev.offhours.worker;

import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.eks.EksAsyncClient;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * Builds the SDK clients of one spoke account and region from that account's assumed-role credentials. Real AWS,
 * moto and the in-process simulator each provide one. The worker uses the asynchronous clients only (no thread waits
 * for a spoke's answer); discovery and the quota pre-flight, which read a few pages in a background thread, use the
 * synchronous ones.
 */
public interface SpokeClientFactory {
    AutoScalingClient autoScaling(AwsCredentialsProvider credentials, String region);

    EksClient eks(AwsCredentialsProvider credentials, String region);

    AutoScalingAsyncClient autoScalingAsync(AwsCredentialsProvider credentials, String region);

    EksAsyncClient eksAsync(AwsCredentialsProvider credentials, String region);

    /**
     * A factory of four functions, e.g.
     * {@code SpokeClientFactory.of(fleet::autoScaling, fleet::eks, fleet::autoScalingAsync, fleet::eksAsync)}.
     */
    static SpokeClientFactory of(BiFunction<AwsCredentialsProvider, String, AutoScalingClient> autoScaling,
                                 BiFunction<AwsCredentialsProvider, String, EksClient> eks,
                                 BiFunction<AwsCredentialsProvider, String, AutoScalingAsyncClient> autoScalingAsync,
                                 BiFunction<AwsCredentialsProvider, String, EksAsyncClient> eksAsync) {
        return new SpokeClientFactory() {
            @Override
            public AutoScalingClient autoScaling(AwsCredentialsProvider credentials, String region) {
                return autoScaling.apply(credentials, region);
            }

            @Override
            public EksClient eks(AwsCredentialsProvider credentials, String region) {
                return eks.apply(credentials, region);
            }

            @Override
            public AutoScalingAsyncClient autoScalingAsync(AwsCredentialsProvider credentials, String region) {
                return autoScalingAsync.apply(credentials, region);
            }

            @Override
            public EksAsyncClient eksAsync(AwsCredentialsProvider credentials, String region) {
                return eksAsync.apply(credentials, region);
            }
        };
    }
}

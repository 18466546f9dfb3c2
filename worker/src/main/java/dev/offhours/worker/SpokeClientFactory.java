package dev.offhours.worker;

import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * Builds the SDK clients of one spoke account and region from that account's assumed-role credentials. Real AWS,
 * moto and the in-process simulator each provide one.
 */
public interface SpokeClientFactory {
    AutoScalingClient autoScaling(AwsCredentialsProvider credentials, String region);

    EksClient eks(AwsCredentialsProvider credentials, String region);

    /** A factory of two functions, e.g. {@code SpokeClientFactory.of(fleet::autoScaling, fleet::eks)}. */
    static SpokeClientFactory of(BiFunction<AwsCredentialsProvider, String, AutoScalingClient> autoScaling,
                                 BiFunction<AwsCredentialsProvider, String, EksClient> eks) {
        return new SpokeClientFactory() {
            @Override
            public AutoScalingClient autoScaling(AwsCredentialsProvider credentials, String region) {
                return autoScaling.apply(credentials, region);
            }

            @Override
            public EksClient eks(AwsCredentialsProvider credentials, String region) {
                return eks.apply(credentials, region);
            }
        };
    }
}

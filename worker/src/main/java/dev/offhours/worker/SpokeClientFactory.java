package dev.offhours.worker;

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
}

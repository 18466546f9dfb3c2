package dev.offhours.reconciler.quota;

import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;

/**
 * Builds the SDK clients the quota pre-flight reads a spoke account and region with (its assumed-role credentials):
 * real AWS or moto ({@link AwsQuotaClients}), or the simulated fleet.
 */
public interface QuotaClientFactory {

    Ec2Client ec2(AwsCredentialsProvider credentials, String region);

    ServiceQuotasClient serviceQuotas(AwsCredentialsProvider credentials, String region);

    CloudWatchClient cloudWatch(AwsCredentialsProvider credentials, String region);

    static QuotaClientFactory of(BiFunction<AwsCredentialsProvider, String, Ec2Client> ec2,
                                 BiFunction<AwsCredentialsProvider, String, ServiceQuotasClient> serviceQuotas,
                                 BiFunction<AwsCredentialsProvider, String, CloudWatchClient> cloudWatch) {
        return new QuotaClientFactory() {
            @Override
            public Ec2Client ec2(AwsCredentialsProvider credentials, String region) {
                return ec2.apply(credentials, region);
            }

            @Override
            public ServiceQuotasClient serviceQuotas(AwsCredentialsProvider credentials, String region) {
                return serviceQuotas.apply(credentials, region);
            }

            @Override
            public CloudWatchClient cloudWatch(AwsCredentialsProvider credentials, String region) {
                return cloudWatch.apply(credentials, region);
            }
        };
    }
}

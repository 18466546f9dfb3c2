package dev.offhours.reconciler.quota;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;

/**
 * The pre-flight's SDK clients for AWS or an endpoint override (moto), on one small HTTP client of their own: a
 * pre-flight reads a few items per account and region once per wake wave. The SDK's standard retries stay on
 * (these reads are not on the worker's pipelines).
 */
public final class AwsQuotaClients implements QuotaClientFactory, AutoCloseable {

    private static final int CONNECTIONS = 8;

    private final URI endpointOverride;
    private final SdkHttpClient http = Apache5HttpClient.builder().maxConnections(CONNECTIONS)
            .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(20)).build();

    public AwsQuotaClients(URI endpointOverride) {
        this.endpointOverride = endpointOverride;
    }

    @Override
    public Ec2Client ec2(AwsCredentialsProvider credentials, String region) {
        return configure(Ec2Client.builder(), credentials, region);
    }

    @Override
    public ServiceQuotasClient serviceQuotas(AwsCredentialsProvider credentials, String region) {
        return configure(ServiceQuotasClient.builder(), credentials, region);
    }

    @Override
    public CloudWatchClient cloudWatch(AwsCredentialsProvider credentials, String region) {
        return configure(CloudWatchClient.builder(), credentials, region);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(
            B builder, AwsCredentialsProvider credentials, String region) {
        builder.httpClient(http).region(Region.of(region)).credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(30)).build());
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        return builder.build();
    }

    @Override
    public void close() {
        http.close();
    }
}

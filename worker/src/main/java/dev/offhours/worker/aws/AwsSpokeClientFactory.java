package dev.offhours.worker.aws;

import dev.offhours.worker.SpokeClientFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * SDK clients for real AWS or an emulator (moto): one shared HTTP client, an optional endpoint override, and the
 * SDK's own retries switched off because the Failsafe pipelines are the only retry layer (see
 * {@link dev.offhours.worker.resilience.Pipelines}). Interceptors are for tests that inject AWS errors.
 */
public final class AwsSpokeClientFactory implements SpokeClientFactory, AutoCloseable {

    private final URI endpointOverride;
    private final List<ExecutionInterceptor> interceptors;
    private final SdkHttpClient http;

    public AwsSpokeClientFactory(URI endpointOverride, List<ExecutionInterceptor> interceptors, int maxConnections) {
        this.endpointOverride = endpointOverride;
        this.interceptors = List.copyOf(interceptors);
        this.http = Apache5HttpClient.builder()
                .maxConnections(maxConnections)
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Real AWS endpoints. */
    public static AwsSpokeClientFactory aws() {
        return new AwsSpokeClientFactory(null, List.of(), 200);
    }

    @Override
    public AutoScalingClient autoScaling(AwsCredentialsProvider credentials, String region) {
        return configure(AutoScalingClient.builder(), credentials, region);
    }

    @Override
    public EksClient eks(AwsCredentialsProvider credentials, String region) {
        return configure(EksClient.builder(), credentials, region);
    }

    /** The hub's STS client (hub credentials), without SDK retries as well. */
    public StsClient sts(AwsCredentialsProvider hubCredentials, String region) {
        return configure(StsClient.builder(), hubCredentials, region);
    }

    private <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C> C configure(
            B builder, AwsCredentialsProvider credentials, String region) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallAttemptTimeout(Duration.ofSeconds(20));
        interceptors.forEach(override::addExecutionInterceptor);
        builder.httpClient(http).region(Region.of(region)).credentialsProvider(credentials)
                .overrideConfiguration(override.build());
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

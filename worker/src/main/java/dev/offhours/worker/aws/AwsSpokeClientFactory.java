package dev.offhours.worker.aws;

import dev.offhours.worker.SpokeClientFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.eks.EksAsyncClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.sts.StsAsyncClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * SDK clients for real AWS or an emulator (moto): one shared HTTP client of each kind, an optional endpoint override,
 * and the SDK's own retries switched off because the Failsafe pipelines are the only retry layer (see
 * {@link dev.offhours.worker.resilience.Pipelines}). Interceptors are for tests that inject AWS errors.
 *
 * <p>The asynchronous clients share one AWS CRT client: its event loop (a thread per core) carries every spoke call
 * in flight, however many there are, so the worker's in-flight limit is a number of calls, not of threads. CRT
 * rather than Netty by measurement (the README's HTTP client benchmark, docs/architecture.md): less CPU per call
 * at every load measured, and a quicker first call. It has no read timeout of its own: the API call attempt timeout
 * below bounds every call.
 */
public final class AwsSpokeClientFactory implements SpokeClientFactory, AutoCloseable {

    private final URI endpointOverride;
    private final List<ExecutionInterceptor> interceptors;
    private final SdkHttpClient http;
    private final SdkAsyncHttpClient asyncHttp;

    /**
     * @param maxConnections connections of each HTTP client; for the asynchronous one also the calls in flight at
     *                       once (further calls wait for a connection, up to the acquisition timeout)
     */
    public AwsSpokeClientFactory(URI endpointOverride, List<ExecutionInterceptor> interceptors, int maxConnections) {
        this.endpointOverride = endpointOverride;
        this.interceptors = List.copyOf(interceptors);
        this.http = Apache5HttpClient.builder()
                .maxConnections(maxConnections)
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
        this.asyncHttp = AwsCrtAsyncHttpClient.builder()
                .maxConcurrency(maxConnections)
                .connectionTimeout(Duration.ofSeconds(5))
                .connectionMaxIdleTime(Duration.ofSeconds(60))
                .build();
    }

    /** Real AWS endpoints. */
    public static AwsSpokeClientFactory aws() {
        return new AwsSpokeClientFactory(null, List.of(), 500);
    }

    @Override
    public AutoScalingClient autoScaling(AwsCredentialsProvider credentials, String region) {
        return configure(AutoScalingClient.builder(), credentials, region);
    }

    @Override
    public EksClient eks(AwsCredentialsProvider credentials, String region) {
        return configure(EksClient.builder(), credentials, region);
    }

    @Override
    public AutoScalingAsyncClient autoScalingAsync(AwsCredentialsProvider credentials, String region) {
        return configureAsync(AutoScalingAsyncClient.builder(), credentials, region);
    }

    @Override
    public EksAsyncClient eksAsync(AwsCredentialsProvider credentials, String region) {
        return configureAsync(EksAsyncClient.builder(), credentials, region);
    }

    /** The hub's STS client (hub credentials), without SDK retries as well. */
    public StsClient sts(AwsCredentialsProvider hubCredentials, String region) {
        return configure(StsClient.builder(), hubCredentials, region);
    }

    /** The hub's STS client as an asynchronous one, for the worker's credentials (hub credentials, no SDK retries). */
    public StsAsyncClient stsAsync(AwsCredentialsProvider hubCredentials, String region) {
        return configureAsync(StsAsyncClient.builder(), hubCredentials, region);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(
            B builder, AwsCredentialsProvider credentials, String region) {
        builder.httpClient(http);
        return common(builder, credentials, region).build();
    }

    private <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> C configureAsync(
            B builder, AwsCredentialsProvider credentials, String region) {
        builder.httpClient(asyncHttp);
        return common(builder, credentials, region).build();
    }

    private <B extends AwsClientBuilder<B, C>, C> B common(B builder, AwsCredentialsProvider credentials,
                                                          String region) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallAttemptTimeout(Duration.ofSeconds(20));
        interceptors.forEach(override::addExecutionInterceptor);
        builder.region(Region.of(region)).credentialsProvider(credentials).overrideConfiguration(override.build());
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        return builder;
    }

    @Override
    public void close() {
        http.close();
        asyncHttp.close();
    }
}

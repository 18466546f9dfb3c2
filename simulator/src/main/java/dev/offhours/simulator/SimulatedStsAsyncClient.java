package dev.offhours.simulator;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsAsyncClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsServiceClientConfiguration;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * {@link SimulatedStsClient} as an asynchronous client (see {@link AsyncCalls}): the same AssumeRole rules, denied
 * accounts, buckets and per-account counts, with the latency passing on the fleet's timer. Operations not listed here
 * keep the SDK interface's default (UnsupportedOperationException), as the synchronous client does.
 */
final class SimulatedStsAsyncClient implements StsAsyncClient {
    private final AsyncCalls calls;
    private final AwsCredentialsProvider credentials;
    private final String region;

    /** @param credentials null for the hub's own identity */
    SimulatedStsAsyncClient(AsyncCalls calls, AwsCredentialsProvider credentials, String region) {
        this.calls = calls;
        this.credentials = credentials;
        this.region = region;
    }

    @Override
    public CompletableFuture<AssumeRoleResponse> assumeRole(AssumeRoleRequest request) {
        return call(client -> client.assumeRole(request));
    }

    @Override
    public CompletableFuture<GetCallerIdentityResponse> getCallerIdentity(GetCallerIdentityRequest request) {
        return call(client -> client.getCallerIdentity(request));
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public StsServiceClientConfiguration serviceClientConfiguration() {
        var builder = StsServiceClientConfiguration.builder().region(Region.of(region));
        return credentials == null ? builder.build() : builder.credentialsProvider(credentials).build();
    }

    @Override
    public void close() {
        // nothing to release: the fleet outlives its clients
    }

    private <T> CompletableFuture<T> call(Function<StsClient, T> operation) {
        return calls.call(ApiFamily.STS, credentials,
                resolved -> operation.apply(new SimulatedStsClient(calls.runtime(), resolved, region)));
    }
}

package dev.offhours.simulator;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eks.EksAsyncClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.EksServiceClientConfiguration;
import software.amazon.awssdk.services.eks.model.DescribeNodegroupRequest;
import software.amazon.awssdk.services.eks.model.DescribeNodegroupResponse;
import software.amazon.awssdk.services.eks.model.DescribeUpdateRequest;
import software.amazon.awssdk.services.eks.model.DescribeUpdateResponse;
import software.amazon.awssdk.services.eks.model.ListClustersRequest;
import software.amazon.awssdk.services.eks.model.ListClustersResponse;
import software.amazon.awssdk.services.eks.model.ListNodegroupsRequest;
import software.amazon.awssdk.services.eks.model.ListNodegroupsResponse;
import software.amazon.awssdk.services.eks.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.eks.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.eks.model.TagResourceRequest;
import software.amazon.awssdk.services.eks.model.TagResourceResponse;
import software.amazon.awssdk.services.eks.model.UntagResourceRequest;
import software.amazon.awssdk.services.eks.model.UntagResourceResponse;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigRequest;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigResponse;

/**
 * {@link SimulatedEksClient} as an asynchronous client (see {@link AsyncCalls}): the same operations, node group
 * updates and answers, with the latency passing on the fleet's timer. Operations not listed here keep the SDK
 * interface's default (UnsupportedOperationException), as the synchronous client does.
 */
final class SimulatedEksAsyncClient implements EksAsyncClient {
    private final AsyncCalls calls;
    private final AwsCredentialsProvider credentials;
    private final String region;

    SimulatedEksAsyncClient(AsyncCalls calls, AwsCredentialsProvider credentials, String region) {
        this.calls = calls;
        this.credentials = credentials;
        this.region = region;
    }

    @Override
    public CompletableFuture<ListClustersResponse> listClusters(ListClustersRequest request) {
        return call(client -> client.listClusters(request));
    }

    @Override
    public CompletableFuture<ListNodegroupsResponse> listNodegroups(ListNodegroupsRequest request) {
        return call(client -> client.listNodegroups(request));
    }

    @Override
    public CompletableFuture<DescribeNodegroupResponse> describeNodegroup(DescribeNodegroupRequest request) {
        return call(client -> client.describeNodegroup(request));
    }

    @Override
    public CompletableFuture<UpdateNodegroupConfigResponse> updateNodegroupConfig(
            UpdateNodegroupConfigRequest request) {
        return call(client -> client.updateNodegroupConfig(request));
    }

    @Override
    public CompletableFuture<DescribeUpdateResponse> describeUpdate(DescribeUpdateRequest request) {
        return call(client -> client.describeUpdate(request));
    }

    @Override
    public CompletableFuture<TagResourceResponse> tagResource(TagResourceRequest request) {
        return call(client -> client.tagResource(request));
    }

    @Override
    public CompletableFuture<UntagResourceResponse> untagResource(UntagResourceRequest request) {
        return call(client -> client.untagResource(request));
    }

    @Override
    public CompletableFuture<ListTagsForResourceResponse> listTagsForResource(ListTagsForResourceRequest request) {
        return call(client -> client.listTagsForResource(request));
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public EksServiceClientConfiguration serviceClientConfiguration() {
        return EksServiceClientConfiguration.builder().region(Region.of(region)).credentialsProvider(credentials).build();
    }

    @Override
    public void close() {
        // nothing to release: the fleet outlives its clients
    }

    private <T> CompletableFuture<T> call(Function<EksClient, T> operation) {
        return calls.call(ApiFamily.EKS, credentials,
                resolved -> operation.apply(new SimulatedEksClient(calls.runtime(), resolved, region)));
    }
}

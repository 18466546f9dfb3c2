package dev.offhours.simulator;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingServiceClientConfiguration;
import software.amazon.awssdk.services.autoscaling.model.CreateOrUpdateTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.CreateOrUpdateTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.DeleteTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityRequest;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityResponse;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupResponse;

/**
 * {@link SimulatedAutoScalingClient} as an asynchronous client (see {@link AsyncCalls}): the same operations and
 * answers, with the latency passing on the fleet's timer. The SDK interface's defaults build requests from consumer
 * builders and page through publishers on top of these methods; operations not listed here keep its default
 * (UnsupportedOperationException), as the synchronous client does.
 */
final class SimulatedAutoScalingAsyncClient implements AutoScalingAsyncClient {
    private final AsyncCalls calls;
    private final AwsCredentialsProvider credentials;
    private final String region;

    SimulatedAutoScalingAsyncClient(AsyncCalls calls, AwsCredentialsProvider credentials, String region) {
        this.calls = calls;
        this.credentials = credentials;
        this.region = region;
    }

    @Override
    public CompletableFuture<DescribeAutoScalingGroupsResponse> describeAutoScalingGroups(
            DescribeAutoScalingGroupsRequest request) {
        return call(client -> client.describeAutoScalingGroups(request));
    }

    @Override
    public CompletableFuture<UpdateAutoScalingGroupResponse> updateAutoScalingGroup(
            UpdateAutoScalingGroupRequest request) {
        return call(client -> client.updateAutoScalingGroup(request));
    }

    @Override
    public CompletableFuture<SetDesiredCapacityResponse> setDesiredCapacity(SetDesiredCapacityRequest request) {
        return call(client -> client.setDesiredCapacity(request));
    }

    @Override
    public CompletableFuture<CreateOrUpdateTagsResponse> createOrUpdateTags(CreateOrUpdateTagsRequest request) {
        return call(client -> client.createOrUpdateTags(request));
    }

    @Override
    public CompletableFuture<DeleteTagsResponse> deleteTags(DeleteTagsRequest request) {
        return call(client -> client.deleteTags(request));
    }

    @Override
    public CompletableFuture<DescribeTagsResponse> describeTags(DescribeTagsRequest request) {
        return call(client -> client.describeTags(request));
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public AutoScalingServiceClientConfiguration serviceClientConfiguration() {
        return AutoScalingServiceClientConfiguration.builder()
                .region(Region.of(region)).credentialsProvider(credentials).build();
    }

    @Override
    public void close() {
        // nothing to release: the fleet outlives its clients
    }

    private <T> CompletableFuture<T> call(Function<AutoScalingClient, T> operation) {
        return calls.call(ApiFamily.AUTOSCALING, credentials,
                resolved -> operation.apply(new SimulatedAutoScalingClient(calls.runtime(), resolved, region)));
    }
}

package dev.offhours.worker.action;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.work.Target;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.ApiFamily;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.Futures;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import software.amazon.awssdk.services.eks.EksAsyncClient;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/**
 * EKS managed node group: DescribeNodegroup, TagResource, UpdateNodegroupConfig (asynchronous: it answers an
 * update id that DescribeUpdate confirms later).
 */
public final class NodegroupActions implements TargetActions {

    private final SpokeClients clients;
    private final Pipelines pipelines;

    public NodegroupActions(SpokeClients clients, Pipelines pipelines) {
        this.clients = clients;
        this.pipelines = pipelines;
    }

    @Override
    public CompletableFuture<ObservedTarget> observe(Target target) {
        return call(target, eks -> eks.describeNodegroup(b -> b.clusterName(target.cluster())
                .nodegroupName(target.name())))
                .handle((response, failure) -> {
                    if (failure instanceof ResourceNotFoundException) {
                        throw new TargetNotFoundException("node group '" + target.name() + "' of cluster '"
                                + target.cluster() + "' does not exist in account " + target.account() + " region "
                                + target.region());
                    }
                    if (failure != null) {
                        throw rethrown(failure);
                    }
                    return observed(response.nodegroup());
                });
    }

    private static ObservedTarget observed(Nodegroup group) {
        NodegroupScalingConfig scaling = group.scalingConfig();
        Capacity current = new Capacity(scaling.minSize(), scaling.desiredSize(), scaling.maxSize());
        Map<String, String> tags = group.tags() == null ? Map.of() : group.tags();
        return new ObservedTarget(current, tags, group.nodegroupArn(), group.status() == NodegroupStatus.UPDATING);
    }

    @Override
    public CompletableFuture<Void> saveAwake(Target target, ObservedTarget observed, Capacity awake) {
        return call(target, eks -> eks.tagResource(b -> b.resourceArn(observed.resourceId())
                .tags(Map.of(OffhoursTags.AWAKE_CAPACITY, OffhoursTags.formatCapacity(awake))))).thenApply(r -> null);
    }

    @Override
    public CompletableFuture<Applied> apply(Target target, Capacity capacity) {
        return call(target, eks -> eks.updateNodegroupConfig(b -> b.clusterName(target.cluster())
                .nodegroupName(target.name())
                .scalingConfig(s -> s.minSize(capacity.min()).desiredSize(capacity.desired()).maxSize(capacity.max()))))
                // Real EKS answers InProgress and the caller confirms later; an update answered complete needs no look.
                .thenApply(response -> new Applied(response.update().id(), stateOf(response.update().status())));
    }

    @Override
    public CompletableFuture<UpdateState> confirm(Target target, String updateId, Capacity expected) {
        return call(target, eks -> eks.describeUpdate(b -> b.name(target.cluster())
                .nodegroupName(target.name()).updateId(updateId)))
                .thenApply(response -> stateOf(response.update().status()))
                .exceptionallyCompose(failure -> {
                    Throwable cause = Futures.unwrap(failure);
                    if (!(cause instanceof EksException e) || e.statusCode() != 404) {
                        return CompletableFuture.failedFuture(cause);
                    }
                    // The update is unknown (expired, or an emulator without DescribeUpdate): judge by the node group.
                    return observe(target).thenApply(now -> !now.busy() && now.current().equals(expected)
                            ? UpdateState.SUCCESSFUL : UpdateState.IN_PROGRESS);
                });
    }

    /** Failed and Cancelled are final failures; a status this SDK does not know is looked at again later. */
    private static UpdateState stateOf(UpdateStatus status) {
        if (status == UpdateStatus.SUCCESSFUL) {
            return UpdateState.SUCCESSFUL;
        }
        if (status == UpdateStatus.FAILED || status == UpdateStatus.CANCELLED) {
            return UpdateState.FAILED;
        }
        return UpdateState.IN_PROGRESS;
    }

    private static RuntimeException rethrown(Throwable failure) {
        Throwable cause = Futures.unwrap(failure);
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    private <T> CompletableFuture<T> call(Target target, Function<EksAsyncClient, CompletableFuture<T>> request) {
        EksAsyncClient client = clients.eksAsync(target.account(), target.region());
        return pipelines.callAsync(target.account(), target.region(), ApiFamily.EKS, () -> request.apply(client));
    }
}

package dev.offhours.worker.action;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.work.Target;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.ApiFamily;
import dev.offhours.worker.resilience.Pipelines;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.model.Update;
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
    public ObservedTarget observe(Target target) {
        Nodegroup group;
        try {
            group = call(target, eks -> eks.describeNodegroup(b -> b.clusterName(target.cluster())
                    .nodegroupName(target.name()))).nodegroup();
        } catch (ResourceNotFoundException e) {
            throw new TargetNotFoundException("node group '" + target.name() + "' of cluster '" + target.cluster()
                    + "' does not exist in account " + target.account() + " region " + target.region());
        }
        NodegroupScalingConfig scaling = group.scalingConfig();
        Capacity current = new Capacity(scaling.minSize(), scaling.desiredSize(), scaling.maxSize());
        Map<String, String> tags = group.tags() == null ? Map.of() : group.tags();
        return new ObservedTarget(current, tags, group.nodegroupArn(), group.status() == NodegroupStatus.UPDATING);
    }

    @Override
    public void saveAwake(Target target, ObservedTarget observed, Capacity awake) {
        call(target, eks -> eks.tagResource(b -> b.resourceArn(observed.resourceId())
                .tags(Map.of(OffhoursTags.AWAKE_CAPACITY, OffhoursTags.formatCapacity(awake)))));
    }

    @Override
    public Applied apply(Target target, Capacity capacity) {
        Update update = call(target, eks -> eks.updateNodegroupConfig(b -> b.clusterName(target.cluster())
                .nodegroupName(target.name())
                .scalingConfig(s -> s.minSize(capacity.min()).desiredSize(capacity.desired()).maxSize(capacity.max()))))
                .update();
        // Real EKS answers InProgress and the caller confirms later; an update answered as complete needs no look.
        return new Applied(update.id(), stateOf(update.status()));
    }

    @Override
    public UpdateState confirm(Target target, String updateId, Capacity expected) {
        UpdateStatus status;
        try {
            status = call(target, eks -> eks.describeUpdate(b -> b.name(target.cluster())
                    .nodegroupName(target.name()).updateId(updateId))).update().status();
        } catch (EksException e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            // The update is unknown (expired, or an emulator without DescribeUpdate): judge by the node group itself.
            ObservedTarget now = observe(target);
            return !now.busy() && now.current().equals(expected) ? UpdateState.SUCCESSFUL : UpdateState.IN_PROGRESS;
        }
        return stateOf(status);
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

    private <T> T call(Target target, Function<EksClient, T> request) {
        EksClient client = clients.eks(target.account(), target.region());
        return pipelines.call(target.account(), target.region(), ApiFamily.EKS, () -> request.apply(client));
    }
}

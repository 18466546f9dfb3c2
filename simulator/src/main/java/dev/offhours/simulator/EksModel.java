package dev.offhours.simulator;

import java.util.List;
import software.amazon.awssdk.services.eks.model.CapacityTypes;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateParam;
import software.amazon.awssdk.services.eks.model.UpdateParamType;
import software.amazon.awssdk.services.eks.model.UpdateType;

/** Builds the SDK's EKS model objects. Call with the region's lock held. */
final class EksModel {
    private EksModel() {
    }

    static Nodegroup nodegroup(NodegroupState ng) {
        return Nodegroup.builder()
                .clusterName(ng.cluster)
                .nodegroupName(ng.name)
                .nodegroupArn(ng.arn)
                .status(ng.status())
                .scalingConfig(scaling(ng.scaling))
                .capacityType(ng.launch.onDemandPercentAboveBase() == 0 ? CapacityTypes.SPOT : CapacityTypes.ON_DEMAND)
                .instanceTypes(ng.launch.instanceTypes())
                .version("1.31")
                .createdAt(ng.createdAt)
                .modifiedAt(ng.modifiedAt)
                .tags(ng.tags)
                .build();
    }

    static NodegroupScalingConfig scaling(Capacity capacity) {
        return NodegroupScalingConfig.builder()
                .minSize(capacity.min())
                .desiredSize(capacity.desired())
                .maxSize(capacity.max())
                .build();
    }

    static Update update(NodegroupUpdate update) {
        Capacity requested = update.requested;
        return Update.builder()
                .id(update.id)
                .status(update.status)
                .type(UpdateType.CONFIG_UPDATE)
                .createdAt(update.createdAt)
                .params(List.of(
                        param(UpdateParamType.MIN_SIZE, requested.min()),
                        param(UpdateParamType.MAX_SIZE, requested.max()),
                        param(UpdateParamType.DESIRED_SIZE, requested.desired())))
                .errors(List.of())
                .build();
    }

    private static UpdateParam param(UpdateParamType type, int value) {
        return UpdateParam.builder().type(type).value(Integer.toString(value)).build();
    }
}

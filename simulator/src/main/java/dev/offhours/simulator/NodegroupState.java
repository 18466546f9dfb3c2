package dev.offhours.simulator;

import dev.offhours.core.quota.LaunchShape;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/**
 * One EKS managed node group; guarded by its {@link RegionState}'s lock. Updates complete lazily: whoever looks at
 * the node group first after an update's due time settles it.
 */
final class NodegroupState {
    final String cluster;
    final String name;
    final String arn;
    final Instant createdAt;
    final TreeMap<String, String> tags = new TreeMap<>();
    final Map<String, NodegroupUpdate> updates = new HashMap<>();
    final Map<String, String> updateIdByRequestToken = new HashMap<>();
    Instant modifiedAt;
    Capacity scaling;
    NodegroupUpdate current;
    boolean stuck;
    /** Its instance types, On-Demand ({@code onDemand(...)}) or Spot ({@code spot(...)}). */
    LaunchShape launch = LaunchShape.onDemand(List.of(InstanceTypes.DEFAULT));

    NodegroupState(String cluster, String name, String arn, Instant createdAt, Capacity scaling) {
        this.cluster = cluster;
        this.name = name;
        this.arn = arn;
        this.createdAt = createdAt;
        this.modifiedAt = createdAt;
        this.scaling = scaling;
    }

    NodegroupStatus status() {
        return current != null && current.inProgress() ? NodegroupStatus.UPDATING : NodegroupStatus.ACTIVE;
    }

    boolean updating() {
        return status() == NodegroupStatus.UPDATING;
    }

    void settle(long nowNanos, Instant now, ScalingApplies applies) {
        if (current == null || !current.inProgress() || stuck || nowNanos < current.dueNanos) {
            return;
        }
        current.status = UpdateStatus.SUCCESSFUL;
        if (applies == ScalingApplies.ON_COMPLETION) {
            scaling = current.requested;
        }
        modifiedAt = now;
    }

    void start(NodegroupUpdate update, String requestToken, ScalingApplies applies) {
        updates.put(update.id, update);
        if (requestToken != null) {
            updateIdByRequestToken.put(requestToken, update.id);
        }
        current = update;
        modifiedAt = update.createdAt;
        if (applies == ScalingApplies.IMMEDIATELY) {
            scaling = update.requested;
        }
    }
}

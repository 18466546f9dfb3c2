package dev.offhours.simulator;

import java.time.Instant;
import java.util.TreeMap;

/** One EKS cluster and its node groups; guarded by its {@link RegionState}'s lock. */
final class ClusterState {
    final String name;
    final String arn;
    final Instant createdAt;
    final TreeMap<String, String> tags = new TreeMap<>();
    final TreeMap<String, NodegroupState> nodegroups = new TreeMap<>();

    ClusterState(String name, String arn, Instant createdAt) {
        this.name = name;
        this.arn = arn;
        this.createdAt = createdAt;
    }
}

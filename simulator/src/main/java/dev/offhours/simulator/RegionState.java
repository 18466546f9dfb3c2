package dev.offhours.simulator;

import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The resources of one account in one region. One lock per account-region keeps calls to different spokes
 * independent; a call holds it only for its in-memory work, never while sleeping its latency.
 */
final class RegionState {
    final AccountRegion accountRegion;
    private final TreeMap<String, AsgState> asgs = new TreeMap<>();
    private final TreeMap<String, ClusterState> clusters = new TreeMap<>();

    RegionState(AccountRegion accountRegion) {
        this.accountRegion = accountRegion;
    }

    synchronized <T> T locked(Function<RegionState, T> work) {
        return work.apply(this);
    }

    TreeMap<String, AsgState> asgs() {
        return asgs;
    }

    TreeMap<String, ClusterState> clusters() {
        return clusters;
    }

    Optional<AsgState> asg(String name) {
        return Optional.ofNullable(name == null ? null : asgs.get(name));
    }

    Optional<ClusterState> cluster(String name) {
        return Optional.ofNullable(name == null ? null : clusters.get(name));
    }

    Optional<NodegroupState> nodegroup(String cluster, String name) {
        return cluster(cluster).map(c -> name == null ? null : c.nodegroups.get(name));
    }
}

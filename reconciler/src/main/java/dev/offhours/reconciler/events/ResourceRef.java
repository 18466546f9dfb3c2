package dev.offhours.reconciler.events;

import dev.offhours.core.work.Target;
import dev.offhours.core.work.TargetKind;
import java.util.Objects;

/**
 * What a spoke event is about: one ASG, one node group, or (for {@code DeleteCluster}) every node group of a cluster,
 * in which case {@link #name()} is null.
 */
public record ResourceRef(String account, String region, TargetKind kind, String cluster, String name) {

    public ResourceRef {
        Objects.requireNonNull(kind, "kind");
        if (name == null && kind != TargetKind.EKS_NODEGROUP) {
            throw new IllegalArgumentException("only node groups can be referenced by their whole cluster");
        }
    }

    public static ResourceRef of(Target target) {
        return new ResourceRef(target.account(), target.region(), target.kind(), target.cluster(), target.name());
    }

    public static ResourceRef wholeCluster(String account, String region, String cluster) {
        return new ResourceRef(account, region, TargetKind.EKS_NODEGROUP, cluster, null);
    }

    public boolean isWholeCluster() {
        return name == null;
    }

    /** @throws IllegalStateException for a whole-cluster reference, which names no single target */
    public Target target() {
        if (isWholeCluster()) {
            throw new IllegalStateException("cluster " + cluster + " is not a single target");
        }
        return new Target(account, region, kind, cluster, name);
    }

    public String describe() {
        return isWholeCluster() ? account + "#" + region + "#cluster#" + cluster : target().key();
    }
}

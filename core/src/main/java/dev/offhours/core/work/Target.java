package dev.offhours.core.work;

import java.util.Objects;

/**
 * One resource in one spoke account and region.
 *
 * @param account 12-digit AWS account id
 * @param cluster the EKS cluster of a node group; {@code null} for an ASG
 * @param name    the ASG name or the node group name
 */
public record Target(String account, String region, TargetKind kind, String cluster, String name) {

    public Target {
        requireText(account, "account");
        requireText(region, "region");
        Objects.requireNonNull(kind, "target kind is required (asg or eks-nodegroup)");
        requireText(name, "name");
        if (kind == TargetKind.EKS_NODEGROUP) {
            requireText(cluster, "cluster (required for an eks-nodegroup target)");
        } else if (cluster != null) {
            throw new IllegalArgumentException("an asg target has no cluster, but got cluster '" + cluster + "'");
        }
    }

    public static Target asg(String account, String region, String name) {
        return new Target(account, region, TargetKind.ASG, null, name);
    }

    public static Target nodegroup(String account, String region, String cluster, String name) {
        return new Target(account, region, TargetKind.EKS_NODEGROUP, cluster, name);
    }

    /**
     * Unique key of the target across the fleet: {@code <account>#<region>#<kind>#<name>} for an ASG and
     * {@code <account>#<region>#<kind>#<cluster>/<name>} for a node group.
     */
    public String key() {
        String resource = kind == TargetKind.EKS_NODEGROUP ? cluster + "/" + name : name;
        return account + "#" + region + "#" + kind.wireName() + "#" + resource;
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("target " + what + " must not be empty");
        }
    }
}

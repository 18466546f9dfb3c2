package dev.offhours.simulator;

import dev.offhours.core.work.TargetKind;
import java.util.Objects;

/**
 * One opted-in resource of the fleet, as a work item names it. {@code cluster} is null for an ASG;
 * {@code schedule} is the value of its {@code offhours.dev/schedule} tag when the fleet was built.
 */
public record Target(String account, String region, TargetKind kind, String cluster, String name, String schedule) {
    public Target {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if ((kind == TargetKind.EKS_NODEGROUP) != (cluster != null)) {
            throw new IllegalArgumentException("a node group needs its cluster and an ASG has none: " + kind + " " + name);
        }
    }

    public AccountRegion accountRegion() {
        return new AccountRegion(account, region);
    }

    @Override
    public String toString() {
        return account + "/" + region + "/" + kind.wireName() + "/" + (cluster == null ? "" : cluster + "/") + name;
    }
}

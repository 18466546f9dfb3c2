package dev.offhours.simulator;

/** Kinds of resource the fleet holds; the wire names match the work item's {@code kind}. */
public enum TargetKind {
    ASG("asg"),
    EKS_NODEGROUP("eks-nodegroup");

    private final String wireName;

    TargetKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

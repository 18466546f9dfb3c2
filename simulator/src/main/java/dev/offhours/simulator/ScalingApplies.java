package dev.offhours.simulator;

/** When an UpdateNodegroupConfig call's new scaling config shows in DescribeNodegroup. */
public enum ScalingApplies {
    /**
     * At once, while the node group is UPDATING and the update InProgress (what EKS shows: the desired config
     * changes at once, nodes follow). The default.
     */
    IMMEDIATELY,
    /** Only when the update becomes Successful; until then DescribeNodegroup shows the old config. */
    ON_COMPLETION
}

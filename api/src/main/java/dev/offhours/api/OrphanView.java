package dev.offhours.api;

/**
 * A resource that lost its opt-in tag while asleep: offhours will not wake it any more, so someone must restore its
 * awake capacity by hand. Listed for 30 days after the report, or until the resource opts in again.
 *
 * @param kind       asg or eks-nodegroup
 * @param cluster    the EKS cluster of a node group, null for an Auto Scaling group
 * @param schedule   the schedule it was bound to
 * @param current    its asleep capacity when reported
 * @param savedAwake the capacity to restore, null when not known
 * @param reportedBy who noticed: discovery or event
 * @param sentence   what happened and what to restore, for people
 */
public record OrphanView(String targetKey, String account, String region, String kind, String cluster, String name,
                         String schedule, CapacityView current, CapacityView savedAwake, String reportedAt,
                         String reportedBy, String sentence) {
}

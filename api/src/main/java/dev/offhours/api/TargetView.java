package dev.offhours.api;

import java.util.Map;

/**
 * One opted-in resource (an Auto Scaling group or an EKS node group) as the hub's inventory knows it.
 *
 * @param kind       asg or eks-nodegroup
 * @param cluster    the EKS cluster of a node group, null for an Auto Scaling group
 * @param state      AWAKE, ASLEEP or UNKNOWN
 * @param savedAwake the capacity restored on wake, null when none saved
 * @param scheduleKnown false when {@code schedule} (the tag's value) names no schedule of the applied revision: a
 *                      typo in the tag, and offhours does nothing to the resource
 */
public record TargetView(String targetKey, String account, String region, String kind, String cluster, String name,
                         String schedule, boolean scheduleKnown, String state, CapacityView current,
                         CapacityView savedAwake, Map<String, String> tags, String lastEventAt, String source,
                         String updatedAt) {
}

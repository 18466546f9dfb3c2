package dev.offhours.simulator;

import java.util.Map;

/** Tags of EKS clusters and node groups, addressed by ARN. Call with the region's lock held. */
final class EksTags {
    static final int MAX_TAGS = 50;

    private EksTags() {
    }

    /** The live tag map of the resource the ARN names in this region, or ResourceNotFoundException. */
    static Map<String, String> of(RegionState region, EksArn arn) {
        AccountRegion here = region.accountRegion;
        if (!here.account().equals(arn.account()) || !here.region().equals(arn.region())) {
            throw AwsErrors.eksNotFound("Resource " + arn.arn() + " is not in account " + here.account()
                    + " and region " + here.region() + ".", arn.cluster(), arn.nodegroup());
        }
        ClusterState cluster = region.cluster(arn.cluster())
                .orElseThrow(() -> SimulatedEksClient.noCluster(arn.cluster()));
        if (arn.nodegroup() == null) {
            return cluster.tags;
        }
        NodegroupState ng = cluster.nodegroups.get(arn.nodegroup());
        if (ng == null || !ng.arn.equals(arn.arn())) {
            throw AwsErrors.eksNotFound("No node group found for ARN: " + arn.arn() + ".",
                    arn.cluster(), arn.nodegroup());
        }
        return ng.tags;
    }

    static void validate(Map<String, String> tags) {
        if (tags.isEmpty()) {
            throw AwsErrors.eksInvalidParameter("TagResource needs at least one tag.", null, null);
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            if (key.isEmpty() || key.length() > 128 || key.toLowerCase().startsWith("aws:")) {
                throw AwsErrors.eksBadRequest("Tag key '" + key + "' is invalid: it needs 1 to 128 characters and "
                        + "must not start with aws:.");
            }
            if (tag.getValue() != null && tag.getValue().length() > 256) {
                throw AwsErrors.eksBadRequest("The value of tag " + key + " is longer than 256 characters.");
            }
        }
    }

    static void put(Map<String, String> resourceTags, Map<String, String> tags) {
        long added = tags.keySet().stream().filter(k -> !resourceTags.containsKey(k)).count();
        if (resourceTags.size() + added > MAX_TAGS) {
            throw AwsErrors.eksBadRequest("A resource can have at most " + MAX_TAGS + " tags.");
        }
        resourceTags.putAll(tags);
    }
}

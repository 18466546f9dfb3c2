package dev.offhours.reconciler.inventory;

import dev.failsafe.RateLimitExceededException;
import dev.failsafe.function.CheckedSupplier;
import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.work.Target;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.ApiFamily;
import dev.offhours.worker.resilience.Pipelines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.Filter;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.ListClustersResponse;
import software.amazon.awssdk.services.eks.model.ListNodegroupsResponse;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/**
 * Lists the opted-in resources of one spoke account and region: ASGs with DescribeAutoScalingGroups filtered on the
 * opt-in tag key, node groups with ListClusters, ListNodegroups and DescribeNodegroup (EKS cannot filter by tag).
 * Every call, page by page, goes through the worker's pipeline of (account, region, family), so discovery shares the
 * rate limits and the per-account breaker with the scaling calls. Any failure propagates: a listing is all or
 * nothing, because a partial listing must never be mistaken for removed resources.
 */
public final class SpokeListing {

    /** A discovery thread may wait for a permit again, unlike a worker that hands its item back to the queue. */
    private static final int PERMIT_ATTEMPTS = 5;

    private final SpokeClients clients;
    private final Pipelines pipelines;

    public SpokeListing(SpokeClients clients, Pipelines pipelines) {
        this.clients = clients;
        this.pipelines = pipelines;
    }

    /**
     * Assumes the account's role, unless its credentials are cached, through the hub's STS pipeline that the
     * credentials cache is guarded by (so a denial is classified and opens the account's breaker).
     */
    public void assumeRole(String account, String region) {
        clients.credentials().credentials(account);
    }

    /** The role discovery assumes in {@code account} (for error messages). */
    public String roleArn(String account) {
        return clients.credentials().roleArn(account);
    }

    public SpokeInventory list(String account, String region) {
        assumeRole(account, region);
        List<FoundResource> optedIn = new ArrayList<>();
        List<FoundResource> untagged = new ArrayList<>();
        for (FoundResource group : autoScalingGroups(account, region)) {
            (isOptedIn(group.tags()) ? optedIn : untagged).add(group);
        }
        for (String cluster : clusters(account, region)) {
            for (Nodegroup group : nodegroups(account, region, cluster)) {
                Target target = Target.nodegroup(account, region, cluster, group.nodegroupName());
                Map<String, String> tags = group.tags() == null ? Map.of() : group.tags();
                FoundResource resource = new FoundResource(target, tags, capacity(group.scalingConfig()));
                (isOptedIn(tags) ? optedIn : untagged).add(resource);
            }
        }
        return new SpokeInventory(optedIn, untagged);
    }

    /** The ASG as it is now, tagged or not; empty if it no longer exists. */
    public Optional<FoundResource> describeAsg(Target target) {
        AutoScalingClient asg = clients.autoScaling(target.account(), target.region());
        return call(target.account(), target.region(), ApiFamily.AUTOSCALING,
                () -> asg.describeAutoScalingGroups(b -> b.autoScalingGroupNames(target.name())))
                .autoScalingGroups().stream().findFirst()
                .map(group -> found(target.account(), target.region(), group));
    }

    /** The node group as it is now, tagged or not; empty if it (or its cluster) no longer exists. */
    public Optional<FoundResource> describeNodegroup(Target target) {
        EksClient eks = clients.eks(target.account(), target.region());
        try {
            Nodegroup group = call(target.account(), target.region(), ApiFamily.EKS,
                    () -> eks.describeNodegroup(b -> b.clusterName(target.cluster()).nodegroupName(target.name())))
                    .nodegroup();
            Map<String, String> tags = group.tags() == null ? Map.of() : group.tags();
            return Optional.of(new FoundResource(target, tags, capacity(group.scalingConfig())));
        } catch (ResourceNotFoundException deleted) {
            return Optional.empty();
        }
    }

    private List<FoundResource> autoScalingGroups(String account, String region) {
        AutoScalingClient asg = clients.autoScaling(account, region);
        Filter optedIn = Filter.builder().name("tag-key").values(OffhoursTags.SCHEDULE).build();
        List<FoundResource> found = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeAutoScalingGroupsResponse page = call(account, region, ApiFamily.AUTOSCALING,
                    () -> asg.describeAutoScalingGroups(b -> b.filters(optedIn).nextToken(next).maxRecords(100)));
            page.autoScalingGroups().forEach(group -> found.add(found(account, region, group)));
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return found;
    }

    private static FoundResource found(String account, String region, AutoScalingGroup group) {
        Map<String, String> tags = group.tags().stream()
                .collect(Collectors.toMap(TagDescription::key, TagDescription::value, (a, b) -> b));
        return new FoundResource(Target.asg(account, region, group.autoScalingGroupName()), tags,
                new Capacity(group.minSize(), group.desiredCapacity(), group.maxSize()));
    }

    private List<String> clusters(String account, String region) {
        EksClient eks = clients.eks(account, region);
        List<String> clusters = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListClustersResponse page = call(account, region, ApiFamily.EKS,
                    () -> eks.listClusters(b -> b.nextToken(next).maxResults(100)));
            clusters.addAll(page.clusters());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return clusters;
    }

    /** The node groups of {@code cluster}; one that disappears between list and describe is gone, not an error. */
    private List<Nodegroup> nodegroups(String account, String region, String cluster) {
        EksClient eks = clients.eks(account, region);
        List<String> names = new ArrayList<>();
        String token = null;
        try {
            do {
                String next = token;
                ListNodegroupsResponse page = call(account, region, ApiFamily.EKS,
                        () -> eks.listNodegroups(b -> b.clusterName(cluster).nextToken(next).maxResults(100)));
                names.addAll(page.nodegroups());
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (ResourceNotFoundException clusterDeleted) {
            return List.of();
        }
        List<Nodegroup> groups = new ArrayList<>();
        for (String name : names) {
            try {
                groups.add(call(account, region, ApiFamily.EKS,
                        () -> eks.describeNodegroup(b -> b.clusterName(cluster).nodegroupName(name))).nodegroup());
            } catch (ResourceNotFoundException deleted) {
                // deleted since ListNodegroups: the diff removes it from the inventory like any other missing one
            }
        }
        return groups;
    }

    /** Opted in: the schedule tag is present and names something (an empty value opts nothing in). */
    static boolean isOptedIn(Map<String, String> tags) {
        String schedule = tags.get(OffhoursTags.SCHEDULE);
        return schedule != null && !schedule.isBlank();
    }

    private static Capacity capacity(NodegroupScalingConfig scaling) {
        return new Capacity(scaling.minSize(), scaling.desiredSize(), scaling.maxSize());
    }

    private <T> T call(String account, String region, ApiFamily family, CheckedSupplier<T> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return pipelines.call(account, region, family, request);
            } catch (RateLimitExceededException e) {
                if (attempt >= PERMIT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}

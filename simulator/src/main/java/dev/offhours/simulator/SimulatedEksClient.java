package dev.offhours.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.EksServiceClientConfiguration;
import software.amazon.awssdk.services.eks.model.DescribeNodegroupRequest;
import software.amazon.awssdk.services.eks.model.DescribeNodegroupResponse;
import software.amazon.awssdk.services.eks.model.DescribeUpdateRequest;
import software.amazon.awssdk.services.eks.model.DescribeUpdateResponse;
import software.amazon.awssdk.services.eks.model.ListClustersRequest;
import software.amazon.awssdk.services.eks.model.ListClustersResponse;
import software.amazon.awssdk.services.eks.model.ListNodegroupsRequest;
import software.amazon.awssdk.services.eks.model.ListNodegroupsResponse;
import software.amazon.awssdk.services.eks.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.eks.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.eks.model.TagResourceRequest;
import software.amazon.awssdk.services.eks.model.TagResourceResponse;
import software.amazon.awssdk.services.eks.model.UntagResourceRequest;
import software.amazon.awssdk.services.eks.model.UntagResourceResponse;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigRequest;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigResponse;

/**
 * Amazon EKS of one region, acting in the account whose credentials each call resolves. UpdateNodegroupConfig is
 * asynchronous: it answers an InProgress update that becomes Successful after the configured duration (unless the
 * node group is stuck; with a zero duration it answers Successful at once); a second update meanwhile is
 * ResourceInUseException. Operations not listed here keep the
 * SDK interface's default (UnsupportedOperationException).
 */
final class SimulatedEksClient implements EksClient {
    private static final ApiFamily FAMILY = ApiFamily.EKS;

    private final FleetRuntime fleet;
    private final AwsCredentialsProvider credentials;
    private final String region;

    SimulatedEksClient(FleetRuntime fleet, AwsCredentialsProvider credentials, String region) {
        this.fleet = fleet;
        this.credentials = credentials;
        this.region = region;
    }

    @Override
    public ListClustersResponse listClusters(ListClustersRequest request) {
        RegionState state = enter("ListClusters");
        int limit = pageSize(request.maxResults());
        String after = after("cluster", request.nextToken());
        return state.locked(s -> {
            List<String> page = page(s.clusters().navigableKeySet(), after, limit);
            String nextToken = next("cluster", page, limit);
            return ListClustersResponse.builder().clusters(page).nextToken(nextToken).build();
        });
    }

    @Override
    public ListNodegroupsResponse listNodegroups(ListNodegroupsRequest request) {
        RegionState state = enter("ListNodegroups");
        int limit = pageSize(request.maxResults());
        String after = after("nodegroup", request.nextToken());
        return state.locked(s -> {
            ClusterState cluster = s.cluster(request.clusterName()).orElseThrow(() -> noCluster(request.clusterName()));
            List<String> page = page(cluster.nodegroups.navigableKeySet(), after, limit);
            String nextToken = next("nodegroup", page, limit);
            return ListNodegroupsResponse.builder().nodegroups(page).nextToken(nextToken).build();
        });
    }

    @Override
    public DescribeNodegroupResponse describeNodegroup(DescribeNodegroupRequest request) {
        RegionState state = enter("DescribeNodegroup");
        return state.locked(s -> {
            NodegroupState ng = settled(s, request.clusterName(), request.nodegroupName());
            return DescribeNodegroupResponse.builder().nodegroup(EksModel.nodegroup(ng)).build();
        });
    }

    @Override
    public UpdateNodegroupConfigResponse updateNodegroupConfig(UpdateNodegroupConfigRequest request) {
        RegionState state = enter("UpdateNodegroupConfig");
        String cluster = request.clusterName();
        String name = request.nodegroupName();
        return state.locked(s -> {
            NodegroupState ng = settled(s, cluster, name);
            String token = request.clientRequestToken();
            if (token != null && ng.updateIdByRequestToken.containsKey(token)) {
                NodegroupUpdate earlier = ng.updates.get(ng.updateIdByRequestToken.get(token));
                return UpdateNodegroupConfigResponse.builder().update(EksModel.update(earlier)).build();
            }
            Capacity requested = NodegroupRules.merge(ng.scaling, request.scalingConfig(), cluster, name);
            if (ng.updating()) {
                throw AwsErrors.eksInUse("Nodegroup " + name + " in cluster " + cluster + " is currently being "
                        + "updated (update " + ng.current.id + "); wait until it completes.", cluster, name);
            }
            NodegroupUpdate update = new NodegroupUpdate(UUID.randomUUID().toString(), fleet.time().instant(),
                    fleet.time().nanos() + fleet.config().nodegroupUpdateDuration().toNanos(), requested);
            ng.start(update, token, fleet.config().scalingApplies());
            // With a zero update duration the update is complete when it is answered, and says so.
            ng.settle(fleet.time().nanos(), fleet.time().instant(), fleet.config().scalingApplies());
            return UpdateNodegroupConfigResponse.builder().update(EksModel.update(update)).build();
        });
    }

    @Override
    public DescribeUpdateResponse describeUpdate(DescribeUpdateRequest request) {
        RegionState state = enter("DescribeUpdate");
        return state.locked(s -> {
            NodegroupState ng = request.nodegroupName() == null ? null
                    : settled(s, request.name(), request.nodegroupName());
            NodegroupUpdate update = ng == null ? null : ng.updates.get(request.updateId());
            if (update == null) {
                throw AwsErrors.eksNotFound("No update found for ID: " + request.updateId() + ".",
                        request.name(), request.nodegroupName());
            }
            return DescribeUpdateResponse.builder().update(EksModel.update(update)).build();
        });
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        RegionState state = enter("TagResource");
        EksArn arn = EksArn.parse(request.resourceArn());
        Map<String, String> tags = request.hasTags() ? request.tags() : Map.of();
        EksTags.validate(tags);
        return state.locked(s -> {
            EksTags.put(EksTags.of(s, arn), tags);
            return TagResourceResponse.builder().build();
        });
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        RegionState state = enter("UntagResource");
        EksArn arn = EksArn.parse(request.resourceArn());
        List<String> keys = request.hasTagKeys() ? request.tagKeys() : List.of();
        return state.locked(s -> {
            EksTags.of(s, arn).keySet().removeAll(keys);
            return UntagResourceResponse.builder().build();
        });
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        RegionState state = enter("ListTagsForResource");
        EksArn arn = EksArn.parse(request.resourceArn());
        return state.locked(s -> ListTagsForResourceResponse.builder().tags(Map.copyOf(EksTags.of(s, arn))).build());
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public EksServiceClientConfiguration serviceClientConfiguration() {
        return EksServiceClientConfiguration.builder().region(Region.of(region)).credentialsProvider(credentials).build();
    }

    @Override
    public void close() {
        // nothing to release: the fleet outlives its clients
    }

    private RegionState enter(String operation) {
        String account = fleet.gate().enter(FAMILY, operation, credentials, region);
        return fleet.state().region(account, region);
    }

    private NodegroupState settled(RegionState s, String cluster, String name) {
        s.cluster(cluster).orElseThrow(() -> noCluster(cluster));
        NodegroupState ng = s.nodegroup(cluster, name).orElseThrow(() -> AwsErrors.eksNotFound(
                "No node group found for name: " + name + ".", cluster, name));
        ng.settle(fleet.time().nanos(), fleet.time().instant(), fleet.config().scalingApplies());
        return ng;
    }

    static RuntimeException noCluster(String cluster) {
        return AwsErrors.eksNotFound("No cluster found for name: " + cluster + ".", cluster, null);
    }

    private static int pageSize(Integer maxResults) {
        if (maxResults == null) {
            return 100;
        }
        if (maxResults < 1 || maxResults > 100) {
            throw AwsErrors.eksInvalidParameter("maxResults must be between 1 and 100, got " + maxResults + ".",
                    null, null);
        }
        return maxResults;
    }

    private static String after(String kind, String token) {
        return token == null ? null : PageToken.decode(kind, token).orElseThrow(() ->
                AwsErrors.eksInvalidParameter("The nextToken '" + token + "' is invalid.", null, null));
    }

    private static List<String> page(NavigableSet<String> names, String after, int limit) {
        NavigableSet<String> rest = after == null ? names : names.tailSet(after, false);
        List<String> page = new ArrayList<>();
        for (String name : rest) {
            if (page.size() == limit + 1) {
                break;
            }
            page.add(name);
        }
        return page;
    }

    /** {@link #page} fetches one name too many to know whether another page exists; this trims it. */
    private static String next(String kind, List<String> page, int limit) {
        if (page.size() <= limit) {
            return null;
        }
        page.remove(limit);
        return PageToken.encode(kind, page.get(limit - 1));
    }
}

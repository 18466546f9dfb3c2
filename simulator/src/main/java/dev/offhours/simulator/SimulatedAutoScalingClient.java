package dev.offhours.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingServiceClientConfiguration;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.CreateOrUpdateTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.CreateOrUpdateTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.DeleteTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityRequest;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityResponse;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupResponse;

/**
 * EC2 Auto Scaling of one region, acting in the account whose credentials each call resolves. Operations not listed
 * here keep the SDK interface's default (UnsupportedOperationException).
 */
final class SimulatedAutoScalingClient implements AutoScalingClient {
    private static final ApiFamily FAMILY = ApiFamily.AUTOSCALING;
    private static final int MAX_RECORDS = 100;
    private static final int DEFAULT_RECORDS = 50;

    private final FleetRuntime fleet;
    private final AwsCredentialsProvider credentials;
    private final String region;

    SimulatedAutoScalingClient(FleetRuntime fleet, AwsCredentialsProvider credentials, String region) {
        this.fleet = fleet;
        this.credentials = credentials;
        this.region = region;
    }

    @Override
    public DescribeAutoScalingGroupsResponse describeAutoScalingGroups(DescribeAutoScalingGroupsRequest request) {
        RegionState state = enter("DescribeAutoScalingGroups");
        int limit = pageSize(request.maxRecords());
        Set<String> names = request.hasAutoScalingGroupNames() ? Set.copyOf(request.autoScalingGroupNames()) : null;
        Predicate<AsgState> filter = AsgFilters.groupFilter(request.hasFilters() ? request.filters() : List.of());
        String after = request.nextToken() == null ? null : PageToken.decode("asg", request.nextToken())
                .orElseThrow(() -> AwsErrors.asgInvalidNextToken(request.nextToken()));
        return state.locked(s -> {
            List<AutoScalingGroup> page = new ArrayList<>();
            String nextToken = null;
            var candidates = after == null ? s.asgs().values() : s.asgs().tailMap(after, false).values();
            for (AsgState asg : candidates) {
                if ((names != null && !names.contains(asg.name)) || !filter.test(asg)) {
                    continue;
                }
                if (page.size() == limit) {
                    nextToken = PageToken.encode("asg", page.get(limit - 1).autoScalingGroupName());
                    break;
                }
                page.add(AsgModel.group(asg, region));
            }
            return DescribeAutoScalingGroupsResponse.builder().autoScalingGroups(page).nextToken(nextToken).build();
        });
    }

    @Override
    public UpdateAutoScalingGroupResponse updateAutoScalingGroup(UpdateAutoScalingGroupRequest request) {
        RegionState state = enter("UpdateAutoScalingGroup");
        String name = requireName(request.autoScalingGroupName());
        return state.locked(s -> {
            AsgState asg = s.asg(name).orElseThrow(() -> notFound(name));
            asg.setCapacity(AsgRules.update(asg.capacity(), request.minSize(), request.desiredCapacity(),
                    request.maxSize()));
            return UpdateAutoScalingGroupResponse.builder().build();
        });
    }

    @Override
    public SetDesiredCapacityResponse setDesiredCapacity(SetDesiredCapacityRequest request) {
        RegionState state = enter("SetDesiredCapacity");
        String name = requireName(request.autoScalingGroupName());
        return state.locked(s -> {
            AsgState asg = s.asg(name).orElseThrow(() -> notFound(name));
            asg.setCapacity(AsgRules.setDesired(asg.capacity(), request.desiredCapacity()));
            return SetDesiredCapacityResponse.builder().build();
        });
    }

    @Override
    public CreateOrUpdateTagsResponse createOrUpdateTags(CreateOrUpdateTagsRequest request) {
        RegionState state = enter("CreateOrUpdateTags");
        List<AsgTags.Change> changes = AsgTags.changes(request);
        state.locked(s -> {
            AsgTags.apply(s, changes, true);
            return null;
        });
        return CreateOrUpdateTagsResponse.builder().build();
    }

    @Override
    public DeleteTagsResponse deleteTags(DeleteTagsRequest request) {
        RegionState state = enter("DeleteTags");
        List<AsgTags.Change> changes = AsgTags.changes(request);
        state.locked(s -> {
            AsgTags.apply(s, changes, false);
            return null;
        });
        return DeleteTagsResponse.builder().build();
    }

    @Override
    public DescribeTagsResponse describeTags(DescribeTagsRequest request) {
        RegionState state = enter("DescribeTags");
        int limit = pageSize(request.maxRecords());
        Predicate<Map.Entry<AsgState, String>> filter =
                AsgFilters.tagFilter(request.hasFilters() ? request.filters() : List.of());
        String after = request.nextToken() == null ? null : PageToken.decode("tag", request.nextToken())
                .orElseThrow(() -> AwsErrors.asgInvalidNextToken(request.nextToken()));
        return state.locked(s -> AsgTags.describe(s, filter, after, limit));
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public AutoScalingServiceClientConfiguration serviceClientConfiguration() {
        return AutoScalingServiceClientConfiguration.builder()
                .region(Region.of(region)).credentialsProvider(credentials).build();
    }

    @Override
    public void close() {
        // nothing to release: the fleet outlives its clients
    }

    private RegionState enter(String operation) {
        String account = fleet.gate().enter(FAMILY, operation, credentials, region);
        return fleet.state().region(account, region);
    }

    private static int pageSize(Integer maxRecords) {
        if (maxRecords == null) {
            return DEFAULT_RECORDS;
        }
        if (maxRecords < 1 || maxRecords > MAX_RECORDS) {
            throw AwsErrors.asgValidation("1 validation error detected: Value '" + maxRecords + "' at 'maxRecords' "
                    + "failed to satisfy constraint: Member must have value between 1 and " + MAX_RECORDS);
        }
        return maxRecords;
    }

    private static String requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw AwsErrors.asgValidation("1 validation error detected: Value null at 'autoScalingGroupName' failed "
                    + "to satisfy constraint: Member must not be null");
        }
        return name;
    }

    static RuntimeException notFound(String name) {
        return AwsErrors.asgValidation("AutoScalingGroup name not found - AutoScalingGroup '" + name + "' not found");
    }
}

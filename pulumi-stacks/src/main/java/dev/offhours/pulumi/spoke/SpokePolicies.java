package dev.offhours.pulumi.spoke;

import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.pulumi.PolicyJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spoke account's IAM documents. Least privilege by condition: reading is allowed on
 * everything (discovery must see resources before they opt in), but every mutating call needs the opt-in tag
 * {@value OffhoursTags#SCHEDULE} on the resource. Tag writes are further limited to the one tag offhours writes
 * ({@value OffhoursTags#AWAKE_CAPACITY}), so the role can neither opt a resource in nor rebind or remove its
 * schedule.
 */
public final class SpokePolicies {

    public static final String OPT_IN_TAG_CONDITION_KEY = "aws:ResourceTag/" + OffhoursTags.SCHEDULE;

    /** Calls that only read. */
    public static final List<String> READ_ACTIONS = List.of(
            "autoscaling:DescribeAutoScalingGroups",
            "autoscaling:DescribeTags",
            "autoscaling:DescribeScalingActivities",
            "autoscaling:DescribeLaunchConfigurations",
            "ec2:DescribeLaunchTemplateVersions",
            "ec2:DescribeInstanceTypes",
            "eks:ListClusters",
            "eks:DescribeCluster",
            "eks:ListNodegroups",
            "eks:DescribeNodegroup",
            "eks:DescribeUpdate",
            "eks:ListTagsForResource");

    /**
     * The vCPU quota pre-flight before a wake: the vCPUs in use ({@code AWS/Usage}; GetMetricData has no resource
     * or namespace to limit it to) and the EC2 quotas of this account (and no other service's).
     */
    public static final List<String> USAGE_READ_ACTIONS = List.of("cloudwatch:GetMetricData");
    public static final List<String> QUOTA_READ_ACTIONS = List.of("servicequotas:GetServiceQuota");

    public static final List<String> ASG_SCALING_ACTIONS = List.of(
            "autoscaling:UpdateAutoScalingGroup", "autoscaling:SetDesiredCapacity");
    public static final List<String> ASG_TAGGING_ACTIONS = List.of("autoscaling:CreateOrUpdateTags");
    public static final List<String> NODEGROUP_SCALING_ACTIONS = List.of("eks:UpdateNodegroupConfig");
    public static final List<String> NODEGROUP_TAGGING_ACTIONS = List.of("eks:TagResource");

    /**
     * Request condition keys of {@code UpdateAutoScalingGroup} that name something other than its size: a request
     * that sets any of them (a launch configuration or template, subnets, instance types) is denied, so the role can
     * only resize. What IAM has no key for (health checks, termination policies, cooldowns, ...) is in
     * docs/deploy.md.
     */
    public static final List<String> ASG_CONFIGURATION_KEYS = List.of("autoscaling:LaunchConfigurationName",
            "autoscaling:LaunchTemplateVersionSpecified", "autoscaling:VPCZoneIdentifiers",
            "autoscaling:InstanceTypes");

    private SpokePolicies() {
    }

    /** Trust: only the hub role, and only with the ExternalId. */
    public static String trustPolicy(String hubRoleArn, String externalId) {
        Map<String, Object> statement = PolicyJson.trust("HubOnlyWithExternalId", Map.of("AWS", hubRoleArn));
        statement.put("Condition", Map.of("StringEquals", Map.of("sts:ExternalId", externalId)));
        return PolicyJson.document(List.of(statement));
    }

    public static String permissions(String accountId) {
        String asgs = "arn:aws:autoscaling:*:" + accountId + ":autoScalingGroup:*:autoScalingGroupName/*";
        String nodegroups = "arn:aws:eks:*:" + accountId + ":nodegroup/*";
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(PolicyJson.allow("Read", READ_ACTIONS, List.of("*")));
        statements.add(PolicyJson.allow("ReadVcpuUsage", USAGE_READ_ACTIONS, List.of("*")));
        statements.add(PolicyJson.allow("ReadEc2Quotas", QUOTA_READ_ACTIONS,
                List.of("arn:aws:servicequotas:*:" + accountId + ":ec2/*")));
        statements.add(PolicyJson.withCondition(PolicyJson.allow("ScaleOptedInGroups", ASG_SCALING_ACTIONS,
                List.of(asgs)), optedIn()));
        ASG_CONFIGURATION_KEYS.forEach(key -> statements.add(onlySizes(asgs, key)));
        statements.add(PolicyJson.withCondition(PolicyJson.allow("TagOptedInGroups", ASG_TAGGING_ACTIONS,
                List.of(asgs)), optedInAndOnlyTheAwakeCapacityTag()));
        statements.add(PolicyJson.withCondition(PolicyJson.allow("ScaleOptedInNodegroups", NODEGROUP_SCALING_ACTIONS,
                List.of(nodegroups)), optedIn()));
        statements.add(PolicyJson.withCondition(PolicyJson.allow("TagOptedInNodegroups", NODEGROUP_TAGGING_ACTIONS,
                List.of(nodegroups)), optedInAndOnlyTheAwakeCapacityTag()));
        return PolicyJson.document(statements);
    }

    /** Denies an UpdateAutoScalingGroup that sets {@code key}: one statement per key, so that any of them denies. */
    private static Map<String, Object> onlySizes(String asgs, String key) {
        return PolicyJson.withCondition(PolicyJson.deny("OnlySizes" + key.substring(key.indexOf(':') + 1),
                List.of("autoscaling:UpdateAutoScalingGroup"), List.of(asgs)), Map.of("Null", Map.of(key, "false")));
    }

    /** The resource carries the opt-in tag (any value: the hub decides which schedule applies). */
    private static Map<String, Object> optedIn() {
        return Map.of("Null", Map.of(OPT_IN_TAG_CONDITION_KEY, "false"));
    }

    /**
     * Opted in, the request names tag keys, and every key is the awake-capacity tag. {@code ForAllValues} alone
     * would also match a request without tag keys, hence the {@code Null} check on {@code aws:TagKeys}.
     */
    private static Map<String, Object> optedInAndOnlyTheAwakeCapacityTag() {
        Map<String, Object> isNull = new LinkedHashMap<>();
        isNull.put(OPT_IN_TAG_CONDITION_KEY, "false");
        isNull.put("aws:TagKeys", "false");
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("Null", isNull);
        condition.put("ForAllValues:StringEquals", Map.of("aws:TagKeys", List.of(OffhoursTags.AWAKE_CAPACITY)));
        return condition;
    }

    /** Trust of the forwarding role: EventBridge, on behalf of rules in this account only. */
    public static String eventsTrustPolicy(String accountId) {
        Map<String, Object> statement = PolicyJson.trust("EventBridgeOfThisAccount",
                Map.of("Service", "events.amazonaws.com"));
        statement.put("Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId)));
        return PolicyJson.document(List.of(statement));
    }

    /** The forwarding role may put events on the hub bus and nowhere else. */
    public static String eventsPermissions(String hubEventBusArn) {
        return PolicyJson.document(List.of(
                PolicyJson.allow("PutEventsOnHubBus", List.of("events:PutEvents"), List.of(hubEventBusArn))));
    }
}

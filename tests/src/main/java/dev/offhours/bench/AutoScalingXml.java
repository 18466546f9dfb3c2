package dev.offhours.bench;

/**
 * Canned Auto Scaling answers in the query protocol's XML, as AWS writes them: one group of three instances with
 * tags (about 3 KB, the size of a real answer for one group), the empty answer of an update, and an error.
 */
final class AutoScalingXml {

    static final String GROUP = "bench-asg";
    static final int DESIRED = 3;

    private static final String NAMESPACE = "http://autoscaling.amazonaws.com/doc/2011-01-01/";
    private static final String ARN = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:"
            + "6f5f2a5e-0000-4000-8000-000000000001:autoScalingGroupName/" + GROUP;

    private static final String DESCRIBE_BEFORE_ID = "<DescribeAutoScalingGroupsResponse xmlns=\"" + NAMESPACE
            + "\">\n  <DescribeAutoScalingGroupsResult>\n    <AutoScalingGroups>\n      <member>\n"
            + "        <AutoScalingGroupName>" + GROUP + "</AutoScalingGroupName>\n"
            + "        <AutoScalingGroupARN>" + ARN + "</AutoScalingGroupARN>\n"
            + "        <LaunchTemplate><LaunchTemplateId>lt-0123456789abcdef0</LaunchTemplateId>"
            + "<LaunchTemplateName>bench</LaunchTemplateName><Version>$Latest</Version></LaunchTemplate>\n"
            + "        <MinSize>0</MinSize>\n        <MaxSize>10</MaxSize>\n"
            + "        <DesiredCapacity>" + DESIRED + "</DesiredCapacity>\n"
            + "        <DefaultCooldown>300</DefaultCooldown>\n"
            + "        <AvailabilityZones><member>eu-west-1a</member><member>eu-west-1b</member>"
            + "<member>eu-west-1c</member></AvailabilityZones>\n"
            + "        <LoadBalancerNames/>\n        <TargetGroupARNs/>\n"
            + "        <HealthCheckType>EC2</HealthCheckType>\n"
            + "        <HealthCheckGracePeriod>300</HealthCheckGracePeriod>\n"
            + "        <Instances>\n" + instance("i-0aaaaaaaaaaaaaaa1", "eu-west-1a")
            + instance("i-0aaaaaaaaaaaaaaa2", "eu-west-1b") + instance("i-0aaaaaaaaaaaaaaa3", "eu-west-1c")
            + "        </Instances>\n"
            + "        <CreatedTime>2026-01-05T08:00:00.000Z</CreatedTime>\n"
            + "        <SuspendedProcesses/>\n"
            + "        <VPCZoneIdentifier>subnet-0a1,subnet-0b2,subnet-0c3</VPCZoneIdentifier>\n"
            + "        <EnabledMetrics/>\n"
            + "        <Tags>\n" + tag("offhours.dev/schedule", "office-hours") + tag("team", "payments")
            + tag("Name", "bench-asg-node") + "        </Tags>\n"
            + "        <TerminationPolicies><member>Default</member></TerminationPolicies>\n"
            + "        <NewInstancesProtectedFromScaleIn>false</NewInstancesProtectedFromScaleIn>\n"
            + "        <ServiceLinkedRoleARN>arn:aws:iam::123456789012:role/aws-service-role/"
            + "autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling</ServiceLinkedRoleARN>\n"
            + "        <CapacityRebalance>false</CapacityRebalance>\n"
            + "      </member>\n    </AutoScalingGroups>\n  </DescribeAutoScalingGroupsResult>\n"
            + "  <ResponseMetadata>\n    <RequestId>";
    private static final String DESCRIBE_AFTER_ID = "</RequestId>\n  </ResponseMetadata>\n"
            + "</DescribeAutoScalingGroupsResponse>\n";

    private AutoScalingXml() {
    }

    static String describe(String requestId) {
        return DESCRIBE_BEFORE_ID + requestId + DESCRIBE_AFTER_ID;
    }

    static String update(String requestId) {
        return "<UpdateAutoScalingGroupResponse xmlns=\"" + NAMESPACE + "\">\n  <ResponseMetadata>\n    <RequestId>"
                + requestId + "</RequestId>\n  </ResponseMetadata>\n</UpdateAutoScalingGroupResponse>\n";
    }

    static String error(String code, String message, String requestId) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>" + code
                + "</Code>\n    <Message>" + message + "</Message>\n  </Error>\n  <RequestId>" + requestId
                + "</RequestId>\n</ErrorResponse>\n";
    }

    private static String instance(String id, String zone) {
        return "          <member>\n            <InstanceId>" + id + "</InstanceId>\n"
                + "            <InstanceType>m6i.large</InstanceType>\n"
                + "            <AvailabilityZone>" + zone + "</AvailabilityZone>\n"
                + "            <LifecycleState>InService</LifecycleState>\n"
                + "            <HealthStatus>Healthy</HealthStatus>\n"
                + "            <LaunchTemplate><LaunchTemplateId>lt-0123456789abcdef0</LaunchTemplateId>"
                + "<LaunchTemplateName>bench</LaunchTemplateName><Version>7</Version></LaunchTemplate>\n"
                + "            <ProtectedFromScaleIn>false</ProtectedFromScaleIn>\n          </member>\n";
    }

    private static String tag(String key, String value) {
        return "          <member>\n            <ResourceId>" + GROUP + "</ResourceId>\n"
                + "            <ResourceType>auto-scaling-group</ResourceType>\n"
                + "            <Key>" + key + "</Key>\n            <Value>" + value + "</Value>\n"
                + "            <PropagateAtLaunch>true</PropagateAtLaunch>\n          </member>\n";
    }
}

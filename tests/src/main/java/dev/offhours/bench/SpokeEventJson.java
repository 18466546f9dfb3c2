package dev.offhours.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.offhours.core.work.TargetKind;
import dev.offhours.simulator.Capacity;
import dev.offhours.simulator.Target;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * EventBridge events as a spoke's rules deliver them to the hub's SQS queue, in the shapes AWS documents (the same
 * fields as {@code reconciler/src/test/resources/events/*.json}): "AWS API Call via CloudTrail" envelopes with the
 * caller's assumed-role ARN and the call's {@code requestParameters}, and native Auto Scaling instance events.
 */
final class SpokeEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who made a call: the role and session that appear in {@code userIdentity.arn}. */
    record Caller(String role, String session) {
        static final Caller OWNER = new Caller("Admin", "alice");
    }

    private SpokeEventJson() {
    }

    /** UpdateAutoScalingGroup / UpdateNodegroupConfig naming all three sizes. */
    static String resize(Target target, Capacity sizes, Instant time, Caller caller) {
        if (target.kind() == TargetKind.ASG) {
            ObjectNode request = JSON.createObjectNode().put("autoScalingGroupName", target.name())
                    .put("minSize", sizes.min()).put("maxSize", sizes.max()).put("desiredCapacity", sizes.desired());
            return apiCall(target, time, "UpdateAutoScalingGroup", caller, request);
        }
        ObjectNode request = JSON.createObjectNode().put("name", target.cluster()).put("nodegroupName", target.name());
        request.putObject("scalingConfig").put("minSize", sizes.min()).put("maxSize", sizes.max())
                .put("desiredSize", sizes.desired());
        return apiCall(target, time, "UpdateNodegroupConfig", caller, request);
    }

    static String setDesiredCapacity(Target target, int desired, Instant time, Caller caller) {
        ObjectNode request = JSON.createObjectNode().put("autoScalingGroupName", target.name())
                .put("desiredCapacity", desired).put("honorCooldown", false);
        return apiCall(target, time, "SetDesiredCapacity", caller, request);
    }

    /** CreateOrUpdateTags of an ASG, or TagResource of a node group's ARN. */
    static String tag(Target target, Map<String, String> tags, Instant time, Caller caller) {
        if (target.kind() == TargetKind.ASG) {
            ObjectNode request = JSON.createObjectNode();
            ArrayNode list = request.putArray("tags");
            tags.forEach((key, value) -> list.addObject().put("resourceId", target.name())
                    .put("resourceType", "auto-scaling-group").put("key", key).put("value", value)
                    .put("propagateAtLaunch", false));
            return apiCall(target, time, "CreateOrUpdateTags", caller, request);
        }
        ObjectNode request = JSON.createObjectNode().put("resourceArn", "arn:aws:eks:" + target.region() + ":"
                + target.account() + ":nodegroup/" + target.cluster() + "/" + target.name() + "/"
                + UUID.nameUUIDFromBytes(target.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ObjectNode map = request.putObject("tags");
        tags.forEach(map::put);
        return apiCall(target, time, "TagResource", caller, request);
    }

    static String delete(Target target, Instant time, Caller caller) {
        if (target.kind() == TargetKind.ASG) {
            return apiCall(target, time, "DeleteAutoScalingGroup", caller, JSON.createObjectNode()
                    .put("autoScalingGroupName", target.name()).put("forceDelete", true));
        }
        return apiCall(target, time, "DeleteNodegroup", caller, JSON.createObjectNode().put("name", target.cluster())
                .put("nodegroupName", target.name()));
    }

    /**
     * EC2 Instance Launch Successful / EC2 Instance Terminate Successful of an ASG; {@code activity} is the first
     * sentence of its cause, the activity that changed the desired size.
     */
    static String instance(Target asg, boolean launch, Instant time, String activity) {
        ObjectNode event = envelope(asg, time, launch ? "EC2 Instance Launch Successful"
                : "EC2 Instance Terminate Successful", "aws.autoscaling");
        String instanceId = "i-" + Long.toHexString(UUID.randomUUID().getMostSignificantBits()).replace("-", "");
        event.putArray("resources").add("arn:aws:autoscaling:" + asg.region() + ":" + asg.account()
                + ":autoScalingGroup:" + UUID.randomUUID() + ":autoScalingGroupName/" + asg.name())
                .add("arn:aws:ec2:" + asg.region() + ":" + asg.account() + ":instance/" + instanceId);
        ObjectNode detail = event.putObject("detail");
        detail.put("StatusCode", launch ? "InProgress" : "Successful")
                .put("Description", (launch ? "Launching" : "Terminating") + " EC2 instance: " + instanceId)
                .put("AutoScalingGroupName", asg.name()).put("ActivityId", UUID.randomUUID().toString())
                .put("RequestId", UUID.randomUUID().toString()).put("StatusMessage", "")
                .put("StartTime", time.toString()).put("EndTime", time.toString()).put("EC2InstanceId", instanceId)
                .put("Cause", activity + " At " + time + " an instance was " + (launch ? "started" : "taken out of"
                        + " service") + " in response to a difference between desired and actual capacity.");
        detail.putObject("Details").put("Availability Zone", asg.region() + "b").put("Subnet ID", "subnet-12345678");
        return write(event);
    }

    private static String apiCall(Target target, Instant time, String eventName, Caller caller, ObjectNode request) {
        boolean asg = target.kind() == TargetKind.ASG;
        ObjectNode event = envelope(target, time, "AWS API Call via CloudTrail", asg ? "aws.autoscaling" : "aws.eks");
        event.putArray("resources");
        ObjectNode detail = event.putObject("detail");
        detail.put("eventVersion", "1.08");
        ObjectNode identity = detail.putObject("userIdentity").put("type", "AssumedRole")
                .put("principalId", "AROAEXAMPLEROLEID12345:" + caller.session())
                .put("arn", "arn:aws:sts::" + target.account() + ":assumed-role/" + caller.role() + "/"
                        + caller.session())
                .put("accountId", target.account());
        identity.putObject("sessionContext").putObject("sessionIssuer").put("type", "Role")
                .put("principalId", "AROAEXAMPLEROLEID12345")
                .put("arn", "arn:aws:iam::" + target.account() + ":role/" + caller.role())
                .put("accountId", target.account()).put("userName", caller.role());
        detail.put("eventTime", time.toString()).put("eventSource", asg ? "autoscaling.amazonaws.com"
                        : "eks.amazonaws.com").put("eventName", eventName).put("awsRegion", target.region())
                .put("sourceIPAddress", "192.0.2.10").put("userAgent", "aws-sdk-java/2.x");
        detail.set("requestParameters", request);
        detail.putNull("responseElements");
        detail.put("requestID", UUID.randomUUID().toString()).put("eventID", UUID.randomUUID().toString())
                .put("readOnly", false).put("eventType", "AwsApiCall").put("managementEvent", true)
                .put("recipientAccountId", target.account()).put("eventCategory", "Management");
        return write(event);
    }

    private static ObjectNode envelope(Target target, Instant time, String detailType, String source) {
        return JSON.createObjectNode().put("version", "0").put("id", UUID.randomUUID().toString())
                .put("detail-type", detailType).put("source", source).put("account", target.account())
                .put("time", time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                .put("region", target.region());
    }

    private static String write(ObjectNode event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event built from a tree always serialises", e);
        }
    }
}

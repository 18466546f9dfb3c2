package dev.offhours.core.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EventBridge patterns of the spoke accounts' rules, defined once: the Pulumi spoke stack declares a rule per
 * pattern and region (forwarding to the hub bus), and the inventory updater and its tests read the same constants.
 *
 * <p>Auto Scaling emits its instance launch/terminate events natively. Changes to ASGs and EKS node groups arrive
 * only as "AWS API Call via CloudTrail" events, which need CloudTrail management events logged in the spoke account
 * (an organization trail is enough). Failed API calls carry {@code errorCode}; they changed nothing the inventory
 * holds, so the patterns drop them at the source.
 */
public final class SpokeEventPatterns {

    public static final String CLOUDTRAIL_DETAIL_TYPE = "AWS API Call via CloudTrail";
    public static final String AUTOSCALING_SOURCE = "aws.autoscaling";
    public static final String EKS_SOURCE = "aws.eks";

    /** Native Auto Scaling instance events, successful and unsuccessful. */
    public static final List<String> ASG_INSTANCE_DETAIL_TYPES = List.of(
            "EC2 Instance Launch Successful",
            "EC2 Instance Launch Unsuccessful",
            "EC2 Instance Terminate Successful",
            "EC2 Instance Terminate Unsuccessful");

    /** Auto Scaling API calls that create, resize, retag or delete a group. */
    public static final List<String> AUTOSCALING_API_CALLS = List.of(
            "CreateAutoScalingGroup",
            "UpdateAutoScalingGroup",
            "SetDesiredCapacity",
            "DeleteAutoScalingGroup",
            "CreateOrUpdateTags",
            "DeleteTags");

    /** EKS API calls that create, resize, retag or delete a node group (or its whole cluster). */
    public static final List<String> EKS_API_CALLS = List.of(
            "CreateNodegroup",
            "UpdateNodegroupConfig",
            "DeleteNodegroup",
            "TagResource",
            "UntagResource",
            "DeleteCluster");

    /**
     * One rule's pattern. {@code name} is short and stable: the spoke stack derives resource names from it.
     * {@code source} is the event source the pattern matches (the hub's rule accepts every spoke pattern's source).
     */
    public record Pattern(String name, String source, String description, String json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpokeEventPatterns() {
    }

    /** Every pattern a spoke region forwards to the hub, in a stable order. */
    public static List<Pattern> all() {
        return List.of(asgInstanceEvents(), autoScalingApiCalls(), eksApiCalls());
    }

    public static Pattern asgInstanceEvents() {
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of(AUTOSCALING_SOURCE));
        pattern.put("detail-type", ASG_INSTANCE_DETAIL_TYPES);
        return new Pattern("asg-instances", AUTOSCALING_SOURCE, "Auto Scaling instance launch and terminate events",
                json(pattern));
    }

    public static Pattern autoScalingApiCalls() {
        return new Pattern("asg-api-calls", AUTOSCALING_SOURCE, "Auto Scaling group changes recorded by CloudTrail",
                json(apiCalls(AUTOSCALING_SOURCE, "autoscaling.amazonaws.com", AUTOSCALING_API_CALLS)));
    }

    public static Pattern eksApiCalls() {
        return new Pattern("eks-api-calls", EKS_SOURCE, "EKS node group changes recorded by CloudTrail",
                json(apiCalls(EKS_SOURCE, "eks.amazonaws.com", EKS_API_CALLS)));
    }

    private static Map<String, Object> apiCalls(String source, String eventSource, List<String> eventNames) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("eventSource", List.of(eventSource));
        detail.put("eventName", eventNames);
        detail.put("errorCode", List.of(Map.of("exists", false)));
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of(source));
        pattern.put("detail-type", List.of(CLOUDTRAIL_DETAIL_TYPE));
        pattern.put("detail", detail);
        return pattern;
    }

    private static String json(Map<String, Object> pattern) {
        try {
            return JSON.writeValueAsString(pattern);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event pattern could not be written as JSON", e);
        }
    }
}

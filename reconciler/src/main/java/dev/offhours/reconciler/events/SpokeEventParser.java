package dev.offhours.reconciler.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offhours.core.events.SpokeEventPatterns;
import dev.offhours.core.work.Target;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Turns an EventBridge event, as a rule delivers it to SQS (the envelope with {@code account}, {@code region},
 * {@code detail-type}, {@code source}, {@code time}, {@code id} and {@code detail}), into a {@link SpokeEvent}.
 *
 * <p>Native Auto Scaling instance events name their group in {@code detail.AutoScalingGroupName}. CloudTrail events
 * carry the request: Auto Scaling's {@code autoScalingGroupName}, or {@code tags[].resourceId} for the tag calls;
 * EKS's URI parameters {@code name} (the cluster) and {@code nodegroupName}, or the {@code resourceArn} of a node
 * group for the tag calls. The spoke rules already drop failed calls ({@code errorCode}); the parser drops them too,
 * because a hub bus may receive events from rules it did not write.
 */
public final class SpokeEventParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String selfArnSuffix;
    private final String spokeRoleName;
    private final String sessionName;

    /**
     * @param spokeRoleName the role the hub (service or Lambda) assumes in every spoke, always with the session name
     *                      {@link RoleCredentialsCache#SESSION_NAME}
     */
    public SpokeEventParser(String spokeRoleName) {
        this.spokeRoleName = spokeRoleName;
        this.sessionName = RoleCredentialsCache.SESSION_NAME;
        this.selfArnSuffix = ":assumed-role/" + spokeRoleName + "/" + sessionName;
    }

    public SpokeEvent parse(String body) throws UnparseableEventException {
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UnparseableEventException("the message is not JSON: " + e.getOriginalMessage());
        }
        if (event == null || !event.isObject()) {
            throw new UnparseableEventException("the message is not an EventBridge event object");
        }
        String account = required(event, "account");
        String region = required(event, "region");
        String detailType = required(event, "detail-type");
        String source = required(event, "source");
        Instant time = time(required(event, "time"));
        JsonNode detail = event.path("detail");
        if (!detail.isObject()) {
            throw new UnparseableEventException("the event has no detail object");
        }
        String id = event.path("id").asText("");
        if (SpokeEventPatterns.ASG_INSTANCE_DETAIL_TYPES.contains(detailType)) {
            String group = text(detail, "AutoScalingGroupName");
            if (group == null) {
                throw new UnparseableEventException("the " + detailType + " event has no detail.AutoScalingGroupName");
            }
            ResourceRef ref = ResourceRef.of(Target.asg(account, region, group));
            return new SpokeEvent(id, account, region, time, detailType, List.of(InstanceCause.change(ref,
                    text(detail, "Cause"))), null, false);
        }
        if (!SpokeEventPatterns.CLOUDTRAIL_DETAIL_TYPE.equals(detailType)) {
            throw new UnparseableEventException("detail-type '" + detailType + "' of source '" + source
                    + "' is neither an Auto Scaling instance event nor an AWS API call via CloudTrail");
        }
        return apiCall(id, account, region, time, detail);
    }

    private SpokeEvent apiCall(String id, String account, String region, Instant time, JsonNode detail)
            throws UnparseableEventException {
        String eventSource = text(detail, "eventSource");
        String eventName = text(detail, "eventName");
        if (eventName == null) {
            throw new UnparseableEventException("the CloudTrail event has no detail.eventName");
        }
        JsonNode request = detail.path("requestParameters");
        List<ResourceChange> changes;
        if ("autoscaling.amazonaws.com".equals(eventSource)
                && SpokeEventPatterns.AUTOSCALING_API_CALLS.contains(eventName)) {
            changes = RequestChanges.autoScaling(account, region, eventName, request);
        } else if ("eks.amazonaws.com".equals(eventSource) && SpokeEventPatterns.EKS_API_CALLS.contains(eventName)) {
            changes = RequestChanges.eks(account, region, eventName, request);
        } else {
            throw new UnparseableEventException("CloudTrail event " + eventSource + " " + eventName
                    + " is not one the spoke patterns forward (" + SpokeEventPatterns.AUTOSCALING_API_CALLS + " of"
                    + " autoscaling.amazonaws.com, " + SpokeEventPatterns.EKS_API_CALLS + " of eks.amazonaws.com)");
        }
        if (detail.hasNonNull("errorCode")) {
            changes = List.of(); // a failed call changed nothing
        }
        JsonNode identity = detail.path("userIdentity");
        String actor = text(identity, "arn");
        return new SpokeEvent(id, account, region, time, eventName, changes,
                actor == null ? "unknown caller" : actor, isOffhours(identity));
    }

    /** Offhours' own session: {@code assumed-role/<spoke role>/<session name>}, by ARN or by session context. */
    private boolean isOffhours(JsonNode identity) {
        String arn = text(identity, "arn");
        if (arn != null && arn.endsWith(selfArnSuffix)) {
            return true;
        }
        String issuer = text(identity.path("sessionContext").path("sessionIssuer"), "userName");
        String principal = text(identity, "principalId");
        return spokeRoleName.equals(issuer) && principal != null && principal.endsWith(":" + sessionName);
    }

    private static Instant time(String value) throws UnparseableEventException {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnparseableEventException("time '" + value + "' is not an ISO-8601 instant such as"
                    + " 2026-03-02T17:00:00Z");
        }
    }

    private static String required(JsonNode event, String field) throws UnparseableEventException {
        String value = text(event, field);
        if (value == null) {
            throw new UnparseableEventException("the event has no '" + field + "' (an EventBridge envelope has"
                    + " account, region, detail-type, source, time and detail)");
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}

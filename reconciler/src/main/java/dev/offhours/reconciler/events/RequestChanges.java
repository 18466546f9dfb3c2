package dev.offhours.reconciler.events;

import static dev.offhours.reconciler.events.SpokeEventParser.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offhours.core.work.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the changes out of a CloudTrail event's {@code requestParameters}, as CloudTrail records them for each call
 * the spoke patterns forward. A request that names sizes or tags in a shape we do not expect becomes a
 * {@link ResourceChange.Touched}: the updater then reads the resource rather than guessing.
 */
final class RequestChanges {

    private RequestChanges() {
    }

    static List<ResourceChange> autoScaling(String account, String region, String eventName, JsonNode request)
            throws UnparseableEventException {
        if (eventName.equals("CreateOrUpdateTags") || eventName.equals("DeleteTags")) {
            return autoScalingTags(account, region, eventName, request);
        }
        String group = text(request, "autoScalingGroupName");
        if (group == null) {
            throw new UnparseableEventException(eventName + " has no requestParameters.autoScalingGroupName");
        }
        ResourceRef ref = ResourceRef.of(Target.asg(account, region, group));
        return switch (eventName) {
            case "UpdateAutoScalingGroup" -> resized(ref, request, "minSize", "desiredCapacity", "maxSize");
            case "SetDesiredCapacity" -> resized(ref, request, null, "desiredCapacity", null);
            case "DeleteAutoScalingGroup" -> List.of(new ResourceChange.Removed(ref));
            default -> List.of(new ResourceChange.Touched(ref)); // CreateAutoScalingGroup
        };
    }

    static List<ResourceChange> eks(String account, String region, String eventName, JsonNode request)
            throws UnparseableEventException {
        if (eventName.equals("TagResource") || eventName.equals("UntagResource")) {
            return eksTags(eventName, request);
        }
        String cluster = text(request, "name") != null ? text(request, "name") : text(request, "clusterName");
        if (cluster == null) {
            throw new UnparseableEventException(eventName + " has no cluster name (requestParameters.name)");
        }
        if (eventName.equals("DeleteCluster")) {
            return List.of(new ResourceChange.Touched(ResourceRef.wholeCluster(account, region, cluster)));
        }
        String nodegroup = text(request, "nodegroupName");
        if (nodegroup == null) {
            throw new UnparseableEventException(eventName + " has no requestParameters.nodegroupName");
        }
        ResourceRef ref = ResourceRef.of(Target.nodegroup(account, region, cluster, nodegroup));
        return switch (eventName) {
            case "UpdateNodegroupConfig" -> resized(ref, request.path("scalingConfig"), "minSize", "desiredSize",
                    "maxSize");
            case "DeleteNodegroup" -> List.of(new ResourceChange.Removed(ref));
            default -> List.of(new ResourceChange.Touched(ref)); // CreateNodegroup
        };
    }

    /** {@code arn:aws:eks:<region>:<account>:nodegroup/<cluster>/<name>/<uuid>}; the ARN's own account and region. */
    static Optional<ResourceRef> nodegroupOfArn(String arn) throws UnparseableEventException {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("eks")) {
            throw new UnparseableEventException("resourceArn '" + arn + "' is not an EKS ARN such as"
                    + " arn:aws:eks:<region>:<account>:nodegroup/<cluster>/<name>/<id>");
        }
        String[] resource = parts[5].split("/");
        if (!resource[0].equals("nodegroup")) {
            return Optional.empty();
        }
        if (resource.length < 3 || resource[1].isEmpty() || resource[2].isEmpty()) {
            throw new UnparseableEventException("node group ARN '" + arn + "' does not name a cluster and a node group");
        }
        return Optional.of(ResourceRef.of(Target.nodegroup(parts[4], parts[3], resource[1], resource[2])));
    }

    /**
     * The sizes a resize names. A call that names none (an UpdateAutoScalingGroup of the launch template only, an
     * UpdateNodegroupConfig of labels) changed nothing the inventory holds; a size that is not a whole number
     * makes the updater read the resource.
     */
    private static List<ResourceChange> resized(ResourceRef ref, JsonNode sizes, String min, String desired,
                                                String max) {
        List<String> fields = new ArrayList<>();
        for (String field : new String[] {min, desired, max}) {
            if (field != null && sizes.hasNonNull(field)) {
                if (!sizes.get(field).canConvertToInt() || !sizes.get(field).isIntegralNumber()) {
                    return List.of(new ResourceChange.Touched(ref));
                }
                fields.add(field);
            }
        }
        if (fields.isEmpty()) {
            return List.of();
        }
        return List.of(new ResourceChange.Resized(ref, size(sizes, min), size(sizes, desired), size(sizes, max)));
    }

    private static Integer size(JsonNode sizes, String field) {
        return field != null && sizes.hasNonNull(field) ? sizes.get(field).intValue() : null;
    }

    /** CreateOrUpdateTags / DeleteTags: {@code tags[]} of {resourceId, resourceType, key, value}, any groups. */
    private static List<ResourceChange> autoScalingTags(String account, String region, String eventName,
                                                        JsonNode request) throws UnparseableEventException {
        boolean deleting = eventName.equals("DeleteTags");
        Map<String, Map<String, String>> setByGroup = new LinkedHashMap<>();
        Map<String, Set<String>> removedByGroup = new LinkedHashMap<>();
        Set<String> unreadable = new LinkedHashSet<>();
        for (JsonNode tag : request.path("tags")) {
            String type = text(tag, "resourceType");
            String group = text(tag, "resourceId");
            if (group == null || (type != null && !type.equals("auto-scaling-group"))) {
                continue;
            }
            String key = text(tag, "key");
            setByGroup.computeIfAbsent(group, g -> new LinkedHashMap<>());
            removedByGroup.computeIfAbsent(group, g -> new LinkedHashSet<>());
            if (key == null) {
                unreadable.add(group);
            } else if (deleting) {
                removedByGroup.get(group).add(key);
            } else {
                setByGroup.get(group).put(key, tag.path("value").asText(""));
            }
        }
        if (setByGroup.isEmpty()) {
            throw new UnparseableEventException(eventName + " has no requestParameters.tags[].resourceId");
        }
        List<ResourceChange> changes = new ArrayList<>();
        for (String group : setByGroup.keySet()) {
            ResourceRef ref = ResourceRef.of(Target.asg(account, region, group));
            changes.add(unreadable.contains(group) ? new ResourceChange.Touched(ref)
                    : new ResourceChange.Retagged(ref, setByGroup.get(group), removedByGroup.get(group)));
        }
        return changes;
    }

    /** EKS TagResource ({@code tags} map) / UntagResource ({@code tagKeys} list) of a node group's ARN. */
    private static List<ResourceChange> eksTags(String eventName, JsonNode request) throws UnparseableEventException {
        String arn = text(request, "resourceArn");
        if (arn == null) {
            throw new UnparseableEventException(eventName + " has no requestParameters.resourceArn");
        }
        Optional<ResourceRef> ref = nodegroupOfArn(arn);
        if (ref.isEmpty()) {
            return List.of(); // a cluster's or add-on's tags: not ours
        }
        Map<String, String> set = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        if (eventName.equals("TagResource")) {
            JsonNode tags = request.path("tags");
            if (!tags.isObject()) {
                return List.of(new ResourceChange.Touched(ref.get()));
            }
            tags.fields().forEachRemaining(tag -> set.put(tag.getKey(), tag.getValue().asText("")));
        } else {
            JsonNode keys = request.path("tagKeys");
            if (!keys.isArray()) {
                return List.of(new ResourceChange.Touched(ref.get()));
            }
            keys.forEach(key -> removed.add(key.asText()));
        }
        return List.of(new ResourceChange.Retagged(ref.get(), set, removed));
    }
}

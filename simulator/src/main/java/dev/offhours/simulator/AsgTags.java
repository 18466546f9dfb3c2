package dev.offhours.simulator;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.autoscaling.model.CreateOrUpdateTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/** CreateOrUpdateTags, DeleteTags and DescribeTags on the groups of one region; all-or-nothing like AWS. */
final class AsgTags {
    static final int MAX_TAGS_PER_GROUP = 50;

    record Change(String group, String key, String value) {
    }

    private AsgTags() {
    }

    static List<Change> changes(CreateOrUpdateTagsRequest request) {
        return validated(request.hasTags() ? request.tags() : List.of());
    }

    static List<Change> changes(DeleteTagsRequest request) {
        return validated(request.hasTags() ? request.tags() : List.of());
    }

    /** Applies every change or none: all groups must exist and stay within the tag quota. */
    static void apply(RegionState region, List<Change> changes, boolean put) {
        for (Change change : changes) {
            region.asg(change.group()).orElseThrow(() -> SimulatedAutoScalingClient.notFound(change.group()));
        }
        if (put) {
            for (Change change : changes) {
                AsgState asg = region.asg(change.group()).orElseThrow();
                long added = changes.stream().filter(c -> c.group().equals(asg.name))
                        .map(Change::key).distinct().filter(k -> !asg.tags.containsKey(k)).count();
                if (asg.tags.size() + added > MAX_TAGS_PER_GROUP) {
                    throw AwsErrors.asgLimitExceeded("The quota of " + MAX_TAGS_PER_GROUP
                            + " tags per Auto Scaling group would be exceeded for " + asg.name + ".");
                }
            }
        }
        for (Change change : changes) {
            AsgState asg = region.asg(change.group()).orElseThrow();
            if (put) {
                asg.tags.put(change.key(), change.value() == null ? "" : change.value());
            } else {
                asg.tags.remove(change.key());
            }
        }
    }

    static DescribeTagsResponse describe(RegionState region, Predicate<Map.Entry<AsgState, String>> filter,
                                         String after, int limit) {
        List<TagDescription> page = new ArrayList<>();
        String lastKey = null;
        for (AsgState asg : region.asgs().values()) {
            for (String key : asg.tags.keySet()) {
                String sortKey = asg.name + "\u0000" + key;
                if ((after != null && sortKey.compareTo(after) <= 0)
                        || !filter.test(new AbstractMap.SimpleEntry<>(asg, key))) {
                    continue;
                }
                if (page.size() == limit) {
                    return DescribeTagsResponse.builder().tags(page).nextToken(PageToken.encode("tag", lastKey)).build();
                }
                page.add(AsgModel.tag(asg, Map.entry(key, asg.tags.get(key))));
                lastKey = sortKey;
            }
        }
        return DescribeTagsResponse.builder().tags(page).build();
    }

    private static List<Change> validated(List<Tag> tags) {
        if (tags.isEmpty()) {
            throw AwsErrors.asgValidation("1 validation error detected: Value null at 'tags' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        List<Change> changes = new ArrayList<>();
        for (Tag tag : tags) {
            if (tag.resourceId() == null || tag.resourceId().isEmpty()) {
                throw AwsErrors.asgValidation("A tag needs ResourceId (the Auto Scaling group's name).");
            }
            if (tag.resourceType() != null && !AsgModel.RESOURCE_TYPE.equals(tag.resourceType())) {
                throw AwsErrors.asgValidation("ResourceType must be " + AsgModel.RESOURCE_TYPE + ", got "
                        + tag.resourceType() + ".");
            }
            if (tag.key() == null || tag.key().isEmpty() || tag.key().length() > 128) {
                throw AwsErrors.asgValidation("A tag key must have 1 to 128 characters, got '" + tag.key() + "'.");
            }
            if (tag.value() != null && tag.value().length() > 256) {
                throw AwsErrors.asgValidation("A tag value must have at most 256 characters (key " + tag.key() + ").");
            }
            changes.add(new Change(tag.resourceId(), tag.key(), tag.value()));
        }
        return changes;
    }
}

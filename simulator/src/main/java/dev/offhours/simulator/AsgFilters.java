package dev.offhours.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.autoscaling.model.Filter;

/**
 * The filters of DescribeAutoScalingGroups ({@code tag:<key>}, {@code tag-key}, {@code tag-value}) and DescribeTags
 * ({@code auto-scaling-group}, {@code key}, {@code value}, {@code propagate-at-launch}). Filters are ANDed, the
 * values of one filter ORed, as in AWS.
 */
final class AsgFilters {
    private AsgFilters() {
    }

    static Predicate<AsgState> groupFilter(List<Filter> filters) {
        Predicate<AsgState> all = asg -> true;
        for (Filter filter : filters) {
            all = all.and(groupCondition(filter));
        }
        return all;
    }

    /** A predicate on (group, tag key) for DescribeTags. */
    static Predicate<Map.Entry<AsgState, String>> tagFilter(List<Filter> filters) {
        Predicate<Map.Entry<AsgState, String>> all = tag -> true;
        for (Filter filter : filters) {
            all = all.and(tagCondition(filter));
        }
        return all;
    }

    private static Predicate<AsgState> groupCondition(Filter filter) {
        String name = filter.name();
        Set<String> values = values(filter);
        if (name != null && name.startsWith("tag:") && name.length() > 4) {
            String key = name.substring(4);
            return asg -> asg.tags.containsKey(key) && values.contains(asg.tags.get(key));
        }
        if ("tag-key".equals(name)) {
            return asg -> asg.tags.keySet().stream().anyMatch(values::contains);
        }
        if ("tag-value".equals(name)) {
            return asg -> asg.tags.values().stream().anyMatch(values::contains);
        }
        throw AwsErrors.asgValidation("Filter name '" + name + "' is not valid for DescribeAutoScalingGroups; valid "
                + "filter names are tag:<key>, tag-key and tag-value.");
    }

    private static Predicate<Map.Entry<AsgState, String>> tagCondition(Filter filter) {
        String name = filter.name();
        Set<String> values = values(filter);
        return switch (name == null ? "" : name) {
            case "auto-scaling-group" -> tag -> values.contains(tag.getKey().name);
            case "key" -> tag -> values.contains(tag.getValue());
            case "value" -> tag -> values.contains(tag.getKey().tags.get(tag.getValue()));
            case "propagate-at-launch" -> tag -> values.contains("false");
            default -> throw AwsErrors.asgValidation("Filter name '" + name + "' is not valid for DescribeTags; valid "
                    + "filter names are auto-scaling-group, key, value and propagate-at-launch.");
        };
    }

    private static Set<String> values(Filter filter) {
        if (!filter.hasValues() || filter.values().isEmpty()) {
            throw AwsErrors.asgValidation("Filter '" + filter.name() + "' needs at least one value.");
        }
        return Set.copyOf(new ArrayList<>(filter.values()));
    }
}

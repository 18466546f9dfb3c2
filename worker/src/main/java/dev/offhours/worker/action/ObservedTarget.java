package dev.offhours.worker.action;

import dev.offhours.core.capacity.Capacity;
import java.util.Map;

/**
 * A target as its spoke API describes it.
 *
 * @param resourceId the ARN (node group) or name (ASG) that tag writes address
 * @param busy       an asynchronous update is running, so no new change may start
 */
public record ObservedTarget(Capacity current, Map<String, String> tags, String resourceId, boolean busy) {
    public ObservedTarget {
        tags = Map.copyOf(tags);
    }
}

package dev.offhours.reconciler.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One spoke event as the inventory updater needs it.
 *
 * @param id            EventBridge event id
 * @param time          when the change happened (EventBridge {@code time}, second precision)
 * @param action        the CloudTrail {@code eventName} or the native {@code detail-type}
 * @param changes       what it says happened to each resource it concerns; empty when it concerns none the
 *                      inventory holds (a cluster's tags, a failed call)
 * @param actor         the CloudTrail caller's ARN, null for native Auto Scaling events
 * @param selfInflicted made by offhours itself (its spoke role and session name), so never drift
 */
public record SpokeEvent(String id, String account, String region, Instant time, String action,
                         List<ResourceChange> changes, String actor, boolean selfInflicted) {

    public SpokeEvent {
        Objects.requireNonNull(time, "time");
        changes = List.copyOf(changes);
    }

    /** The resources it concerns, in the order of its changes. */
    public List<ResourceRef> refs() {
        return changes.stream().map(ResourceChange::ref).toList();
    }

    /** A native Auto Scaling instance event (no caller): a consequence of a capacity change, not the change. */
    public boolean isInstanceEvent() {
        return actor == null;
    }

    /** A change reported by CloudTrail and made by someone other than offhours. */
    public boolean isExternalChange() {
        return actor != null && !selfInflicted;
    }
}

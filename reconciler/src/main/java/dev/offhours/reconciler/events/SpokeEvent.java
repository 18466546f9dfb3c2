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
 * @param refs          the resources it concerns; empty when it concerns none the inventory holds (a cluster's tags)
 * @param actor         the CloudTrail caller's ARN, null for native Auto Scaling events
 * @param selfInflicted made by offhours itself (its spoke role and session name), so never drift
 */
public record SpokeEvent(String id, String account, String region, Instant time, String action, List<ResourceRef> refs,
                         String actor, boolean selfInflicted) {

    public SpokeEvent {
        Objects.requireNonNull(time, "time");
        refs = List.copyOf(refs);
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

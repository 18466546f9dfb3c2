package dev.offhours.reconciler.events;

import java.time.Instant;

/**
 * One change of a resource as the updater gathered it: when it happened (the event's time, whole seconds), what it
 * was, whether offhours made it, and whether it came from a native instance event (which trails the change that
 * caused it).
 */
record ObservedChange(Instant time, ResourceChange change, boolean selfInflicted, boolean instanceEvent) {

    /** A scaling activity is timed by its own start, which its instance events trail by minutes. */
    static ObservedChange of(SpokeEvent event, ResourceChange change) {
        Instant time = change instanceof ResourceChange.ScalingActivity activity ? activity.at() : event.time();
        return new ObservedChange(time, change, event.selfInflicted(), event.isInstanceEvent());
    }
}

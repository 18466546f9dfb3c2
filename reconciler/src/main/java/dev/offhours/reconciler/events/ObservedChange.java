package dev.offhours.reconciler.events;

import java.time.Instant;

/**
 * One change of a resource as the updater gathered it: when it happened (the event's time, whole seconds), what it
 * was, whether offhours made it, and whether it came from a native instance event (which trails the change that
 * caused it).
 */
record ObservedChange(Instant time, ResourceChange change, boolean selfInflicted, boolean instanceEvent) {

    static ObservedChange of(SpokeEvent event, ResourceChange change) {
        return new ObservedChange(event.time(), change, event.selfInflicted(), event.isInstanceEvent());
    }
}

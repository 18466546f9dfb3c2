package dev.offhours.reconciler.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Coalesces events per resource: the first event of a resource opens a window; every event for it until the window
 * closes joins it, and the window is handled once ({@link EventFold}: at most one spoke read). An API call opens (or shortens) a window of {@code debounce}
 * (seconds: the inventory should see an owner's change at once). Native instance launch/terminate events open a
 * longer window of {@code instanceWindow}: they trail a capacity change by minutes, one per instance, and the
 * inventory holds the group's capacity, not its instances, so one refresh per burst is enough. A window never
 * slides, so a resource under a steady stream of events is still refreshed once per window rather than never.
 */
final class PendingRefreshes {

    /** One closed window: its changes, the newest event time, and the messages to delete once it is handled. */
    record Due(ResourceRef ref, Instant latestEvent, List<ObservedChange> changes, Set<String> externalActors,
               List<HeldMessage> messages) {
    }

    private static final class Window {
        Instant closesAt;
        Instant latestEvent;
        final List<ObservedChange> changes = new ArrayList<>();
        final Set<String> externalActors = new LinkedHashSet<>();
        final List<HeldMessage> messages = new ArrayList<>();

        Window(Instant closesAt, Instant latestEvent) {
            this.closesAt = closesAt;
            this.latestEvent = latestEvent;
        }
    }

    private final Duration debounce;
    private final Duration instanceWindow;
    private final Map<ResourceRef, Window> windows = new LinkedHashMap<>();

    PendingRefreshes(Duration debounce, Duration instanceWindow) {
        this.debounce = debounce;
        this.instanceWindow = instanceWindow;
    }

    synchronized void add(ResourceChange change, SpokeEvent event, HeldMessage message, Instant now) {
        Instant closes = now.plus(event.isInstanceEvent() ? instanceWindow : debounce);
        Window window = windows.computeIfAbsent(change.ref(), key -> new Window(closes, event.time()));
        if (closes.isBefore(window.closesAt)) {
            window.closesAt = closes;
        }
        window.changes.add(ObservedChange.of(event, change));
        if (event.time().isAfter(window.latestEvent)) {
            window.latestEvent = event.time();
        }
        if (event.isExternalChange()) {
            window.externalActors.add(event.actor());
        }
        window.messages.add(message);
    }

    /** Removes and returns the windows closed at {@code now}. */
    synchronized List<Due> takeDue(Instant now) {
        List<Due> due = new ArrayList<>();
        Iterator<Map.Entry<ResourceRef, Window>> entries = windows.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<ResourceRef, Window> entry = entries.next();
            Window window = entry.getValue();
            if (!window.closesAt.isAfter(now)) {
                due.add(new Due(entry.getKey(), window.latestEvent, List.copyOf(window.changes),
                        Set.copyOf(window.externalActors), List.copyOf(window.messages)));
                entries.remove();
            }
        }
        return due;
    }

    synchronized Optional<Instant> nextClose() {
        return windows.values().stream().map(window -> window.closesAt).min(Instant::compareTo);
    }

    synchronized int size() {
        return windows.size();
    }
}

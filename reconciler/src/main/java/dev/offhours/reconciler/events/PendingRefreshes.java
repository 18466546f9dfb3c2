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
 * Coalesces events per resource: the first event of a resource opens a window of {@code debounce}; every event for
 * it until the window closes joins it, and the window yields one refresh. The window does not slide, so a resource
 * under a steady stream of events is still refreshed once per window rather than never.
 */
final class PendingRefreshes {

    /** One coalesced refresh: the newest event time, the external actors seen, and the messages to delete after. */
    record Due(ResourceRef ref, Instant latestEvent, int events, Set<String> externalActors, List<HeldMessage> messages) {
    }

    private static final class Window {
        final Instant closesAt;
        Instant latestEvent;
        int events;
        final Set<String> externalActors = new LinkedHashSet<>();
        final List<HeldMessage> messages = new ArrayList<>();

        Window(Instant closesAt, Instant latestEvent) {
            this.closesAt = closesAt;
            this.latestEvent = latestEvent;
        }
    }

    private final Duration debounce;
    private final Map<ResourceRef, Window> windows = new LinkedHashMap<>();

    PendingRefreshes(Duration debounce) {
        this.debounce = debounce;
    }

    synchronized void add(ResourceRef ref, SpokeEvent event, HeldMessage message, Instant now) {
        Window window = windows.computeIfAbsent(ref, key -> new Window(now.plus(debounce), event.time()));
        if (event.time().isAfter(window.latestEvent)) {
            window.latestEvent = event.time();
        }
        window.events++;
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
                due.add(new Due(entry.getKey(), window.latestEvent, window.events, Set.copyOf(window.externalActors),
                        List.copyOf(window.messages)));
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

package dev.offhours.reconciler.events;

import dev.offhours.core.port.ControlStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the last event received from each account and region in its health record ({@code lastEventAt}), to the
 * minute: a storm of events writes the record about once a minute per account and region, not once per event. The
 * store's write is atomic and only moves forward, so discovery writing the same record never undoes it.
 */
final class EventHealth {

    static final Duration RESOLUTION = Duration.ofMinutes(1);

    private final ControlStore control;
    private final Map<String, Instant> recorded = new ConcurrentHashMap<>();

    EventHealth(ControlStore control) {
        this.control = control;
    }

    void eventSeen(String account, String region, Instant eventTime) {
        String key = account + "#" + region;
        Instant last = recorded.get(key);
        if (last != null && eventTime.isBefore(last.plus(RESOLUTION))) {
            return;
        }
        control.recordEventSeen(account, region, eventTime);
        recorded.merge(key, eventTime, (a, b) -> a.isAfter(b) ? a : b);
    }
}

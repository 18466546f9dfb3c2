package dev.offhours.reconciler.notify;

import dev.offhours.core.notify.HubSignals;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** PutEvents on the hub bus, one entry per event; a refused entry or a failed call answers false and is logged. */
public final class EventBridgeEventSink implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(EventBridgeEventSink.class);

    private final EventBridgeClient events;
    private final String busName;

    public EventBridgeEventSink(EventBridgeClient events, String busName) {
        this.events = Objects.requireNonNull(events, "events");
        this.busName = Objects.requireNonNull(busName, "busName");
    }

    @Override
    public boolean put(String detailType, String detail) {
        try {
            PutEventsResponse response = events.putEvents(b -> b.entries(e -> e.eventBusName(busName)
                    .source(HubSignals.EVENT_SOURCE).detailType(detailType).detail(detail)));
            if (response.failedEntryCount() == 0) {
                return true;
            }
            PutEventsResultEntry refused = response.entries().get(0);
            LOG.warn("the event bus {} refused a '{}' event: {} {}", busName, detailType, refused.errorCode(),
                    refused.errorMessage());
        } catch (SdkException e) {
            LOG.warn("could not put a '{}' event on the bus {}: {}", detailType, busName, e.toString());
        }
        return false;
    }
}

package dev.offhours.reconciler.notify;

/** Where the hub's events go: the hub's EventBridge bus in a deployment, a list in tests. */
public interface EventSink {

    /**
     * Puts one event with source {@link dev.offhours.core.notify.HubSignals#EVENT_SOURCE}.
     *
     * @param detail the event's detail as a JSON object
     * @return true when the bus took it
     */
    boolean put(String detailType, String detail);
}

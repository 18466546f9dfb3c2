package dev.offhours.reconciler.events;

/** An events-queue message the updater cannot turn into a resource reference; the message says why. */
public final class UnparseableEventException extends Exception {

    public UnparseableEventException(String reason) {
        super(reason);
    }
}

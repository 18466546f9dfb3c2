package dev.offhours.reconciler.events;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An events-queue message held until every resource it names has been refreshed: only then is it deleted, so a
 * crash or a failed refresh lets SQS deliver it again (and its redrive policy dead-letter it in the end).
 */
final class HeldMessage {

    private final String receiptHandle;
    private final AtomicInteger openRefs;
    private final AtomicBoolean failed = new AtomicBoolean();

    HeldMessage(String receiptHandle, int refs) {
        this.receiptHandle = receiptHandle;
        this.openRefs = new AtomicInteger(refs);
    }

    String receiptHandle() {
        return receiptHandle;
    }

    /** @return true when this was the last open reference and none failed: the message may be deleted now */
    boolean refHandled() {
        return openRefs.decrementAndGet() == 0 && !failed.get();
    }

    void refFailed() {
        failed.set(true);
        openRefs.decrementAndGet();
    }
}

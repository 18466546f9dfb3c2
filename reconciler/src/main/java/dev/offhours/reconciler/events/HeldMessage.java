package dev.offhours.reconciler.events;

import io.opentelemetry.api.trace.SpanContext;
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
    private final SpanContext received;

    HeldMessage(String receiptHandle, int refs) {
        this(receiptHandle, refs, SpanContext.getInvalid());
    }

    /** @param received the span of the message's receipt, which its refreshes continue (invalid: not traced) */
    HeldMessage(String receiptHandle, int refs, SpanContext received) {
        this.receiptHandle = receiptHandle;
        this.openRefs = new AtomicInteger(refs);
        this.received = received;
    }

    SpanContext received() {
        return received;
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

package dev.offhours.reconciler.dispatch;

import dev.offhours.core.work.WorkItem;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** Where the dispatcher puts work items for the workers (SQS in the service, ElasticMQ in {@code demo}). */
public interface WorkQueue {

    /**
     * Starts enqueuing every item (a queue may carry several items of one account in one message), retrying transient
     * failures; the future completes once each item is either sent
     * or given up on, and never completes exceptionally for a failed item: the report counts it.
     */
    CompletableFuture<SendReport> sendAllAsync(List<WorkItem> items);

    /**
     * How many messages the queue holds that no worker has finished (visible, in flight and delayed; approximate),
     * empty when it cannot say. A message may be a bundle of several items, so this is not a count of items; zero
     * still means that no item waits. The convergence loop re-sends a pending target's item only once the queue is
     * quiet (zero), so that a backlog behind slow or throttled workers is not doubled.
     */
    default OptionalLong backlog() {
        return OptionalLong.empty();
    }

    /** {@link #sendAllAsync} and wait. */
    default SendReport sendAll(List<WorkItem> items) {
        return sendAllAsync(items).join();
    }
}

package dev.offhours.reconciler.dispatch;

import java.util.List;

/**
 * What one {@link WorkQueue#sendAll} achieved. Counts work items (targets), not messages: a bundle the queue took
 * counts each of its items as sent, one it gave up on each of them as failed.
 *
 * @param sent     items the queue accepted
 * @param failed   items given up on after the retries (their errors, at most a few, in {@code errors})
 * @param calls    requests made to the queue, retries included
 * @param messages messages the queue accepted (a bundle of one account's items is one)
 */
public record SendReport(int sent, int failed, int calls, List<String> errors, int messages) {

    public static final SendReport NOTHING = new SendReport(0, 0, 0, List.of(), 0);
    private static final int MAX_ERRORS = 10;

    public SendReport {
        errors = List.copyOf(errors);
    }

    /** A report of a queue that sends one message per item. */
    public SendReport(int sent, int failed, int calls, List<String> errors) {
        this(sent, failed, calls, errors, sent);
    }

    public SendReport plus(SendReport other) {
        List<String> joined = new java.util.ArrayList<>(errors);
        other.errors.stream().limit(Math.max(0, MAX_ERRORS - joined.size())).forEach(joined::add);
        return new SendReport(sent + other.sent, failed + other.failed, calls + other.calls, joined,
                messages + other.messages);
    }
}

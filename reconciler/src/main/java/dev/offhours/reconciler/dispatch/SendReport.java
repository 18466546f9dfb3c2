package dev.offhours.reconciler.dispatch;

import java.util.List;

/**
 * What one {@link WorkQueue#sendAll} achieved.
 *
 * @param sent    items the queue accepted
 * @param failed  items given up on after the retries (their errors, at most a few, in {@code errors})
 * @param calls   requests made to the queue, retries included
 */
public record SendReport(int sent, int failed, int calls, List<String> errors) {

    public static final SendReport NOTHING = new SendReport(0, 0, 0, List.of());

    public SendReport {
        errors = List.copyOf(errors);
    }

    public SendReport plus(SendReport other) {
        List<String> joined = new java.util.ArrayList<>(errors);
        other.errors.stream().limit(Math.max(0, 10 - joined.size())).forEach(joined::add);
        return new SendReport(sent + other.sent, failed + other.failed, calls + other.calls, joined);
    }
}

package dev.offhours.reconciler.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits messages into SendMessageBatch requests: at most {@link #MAX_ENTRIES} entries and at most
 * {@link #MAX_BYTES} of bodies per request (SQS rejects a batch above either). A bundle counts with its whole body.
 */
final class SqsBatches {

    static final int MAX_ENTRIES = 10;
    static final int MAX_BYTES = 256 * 1024;

    private SqsBatches() {
    }

    static List<List<String>> split(List<String> bodies) {
        return split(bodies, Function.identity());
    }

    static <T> List<List<T>> split(List<T> messages, Function<T, String> body) {
        List<List<T>> batches = new ArrayList<>();
        List<T> current = new ArrayList<>();
        int bytes = 0;
        for (T message : messages) {
            int size = body.apply(message).getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException("a work queue message of " + size
                        + " bytes exceeds the SQS message limit of " + MAX_BYTES + " bytes");
            }
            if (current.size() == MAX_ENTRIES || bytes + size > MAX_BYTES) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(message);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}

package dev.offhours.reconciler.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits message bodies into SendMessageBatch requests: at most {@link #MAX_ENTRIES} entries and at most
 * {@link #MAX_BYTES} of bodies per request (SQS rejects a batch above either).
 */
final class SqsBatches {

    static final int MAX_ENTRIES = 10;
    static final int MAX_BYTES = 256 * 1024;

    private SqsBatches() {
    }

    static List<List<String>> split(List<String> bodies) {
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int bytes = 0;
        for (String body : bodies) {
            int size = body.getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException("a work item of " + size + " bytes exceeds the SQS message limit of "
                        + MAX_BYTES + " bytes");
            }
            if (current.size() == MAX_ENTRIES || bytes + size > MAX_BYTES) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(body);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}

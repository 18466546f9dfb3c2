package dev.offhours.reconciler.api;

import dev.offhours.core.port.OperationRecord;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/** The id of an operation record in URLs: its key (schedule, transition, target) as URL-safe Base64. */
final class OperationIds {

    private OperationIds() {
    }

    static String of(OperationRecord.Key key) {
        String text = key.schedule() + "\n" + key.transition() + "\n" + key.targetKey();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static OperationRecord.Key parse(String id) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length == 3 && !parts[0].isEmpty() && !parts[2].isEmpty()) {
                return new OperationRecord.Key(parts[0], Instant.parse(parts[1]), parts[2]);
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            // refused below
        }
        throw ApiProblem.badRequest("operation id must be the id of a record as a listing of /v1/operations gives "
                + "it, not '" + id + "'.");
    }
}

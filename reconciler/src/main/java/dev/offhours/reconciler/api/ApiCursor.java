package dev.offhours.reconciler.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The API's opaque cursors: the listing they belong to, the values that must stay fixed across its pages, and the
 * store's own cursor, as URL-safe Base64. A cursor from another listing, or another filter, is refused.
 */
final class ApiCursor {

    private static final String SEPARATOR = "\u001f";

    private ApiCursor() {
    }

    static String encode(String listing, List<String> fixed, String next) {
        if (next == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        parts.add(listing);
        parts.addAll(fixed);
        parts.add(next);
        String text = String.join(SEPARATOR, parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The parts after the listing name: the fixed values, then the store's cursor; null for a first page. */
    static List<String> decode(String listing, int fixedCount, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            List<String> parts = List.of(text.split(SEPARATOR, -1));
            if (parts.size() == fixedCount + 2 && parts.get(0).equals(listing)) {
                return parts.subList(1, parts.size());
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw invalid();
    }

    static ApiProblem invalid() {
        return ApiProblem.badRequest("cursor must be the nextCursor of the previous page of the same listing with the "
                + "same filters; omit it to start from the first page.");
    }
}

package dev.offhours.store.dynamodb;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque page cursors made of string attributes (a query's LastEvaluatedKey, or any named positions): URL-safe
 * Base64 of {@code name=value&...}. A cursor that does not decode, or that belongs to another listing, is refused
 * with a sentence the API can return as a 400.
 */
public final class KeyCursor {

    private KeyCursor() {
    }

    public static String encode(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(fields).forEach((name, value) -> {
            if (text.length() > 0) {
                text.append('&');
            }
            text.append(url(name)).append('=').append(url(value));
        });
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when {@code cursor} is not one this service issued */
    public static Map<String, String> decode(String cursor) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("no name=value pair");
                }
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            throw invalid(cursor);
        }
        return fields;
    }

    /** A query's LastEvaluatedKey as a cursor; null when the query has no more pages. */
    public static String fromLastKey(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((name, value) -> fields.put(name, value.s()));
        return encode(fields);
    }

    /**
     * The ExclusiveStartKey for {@code cursor}, or null for the first page. {@code partitionAttribute} must hold
     * {@code expectedPartition}: a cursor of another listing is refused.
     */
    public static Map<String, AttributeValue> toStartKey(String cursor, String partitionAttribute, String expectedPartition) {
        return toStartKey(cursor, partitionAttribute, expectedPartition, null);
    }

    /**
     * As {@link #toStartKey(String, String, String)}, and the cursor must name exactly {@code keyNames} (the
     * attributes of the LastEvaluatedKey the query returns), each with a value: DynamoDB refuses any other start key
     * with a ValidationException, which must not reach it from a forged cursor.
     */
    public static Map<String, AttributeValue> toStartKey(String cursor, String partitionAttribute,
            String expectedPartition, java.util.Set<String> keyNames) {
        if (cursor == null) {
            return null;
        }
        Map<String, String> fields = decode(cursor);
        if (!expectedPartition.equals(fields.get(partitionAttribute))
                || (keyNames != null && !keyNames.equals(fields.keySet()))
                || fields.values().stream().anyMatch(String::isEmpty)) {
            throw invalid(cursor);
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        fields.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
        return key;
    }

    public static IllegalArgumentException invalid(String cursor) {
        return new IllegalArgumentException("cursor '" + cursor + "' is not valid for this listing; pass the "
                + "nextCursor of the previous page of the same listing, or none for the first page");
    }

    private static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

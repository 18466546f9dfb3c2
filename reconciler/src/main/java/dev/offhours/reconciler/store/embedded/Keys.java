package dev.offhours.reconciler.store.embedded;

import dev.offhours.store.dynamodb.KeyCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * Composite keys of the embedded maps: parts joined by NUL, which sorts below every other character, so that a
 * partition's keys form one contiguous range (like a DynamoDB partition) and range reads stand in for Queries.
 */
final class Keys {

    static final char SEP = '\0';

    private Keys() {
    }

    static String join(String... parts) {
        return String.join(String.valueOf(SEP), parts);
    }

    /** The part after the first separator. */
    static String rest(String key) {
        return key.substring(key.indexOf(SEP) + 1);
    }

    static String cursor(String key) {
        return KeyCursor.encode(Map.of("k", key));
    }

    /** The key a cursor points at; it must lie in {@code [low, high]}, the listing's range. */
    static String fromCursor(String cursor, String low, String high) {
        String key = KeyCursor.decode(cursor).get("k");
        if (key == null || key.compareTo(low) < 0 || key.compareTo(high) > 0) {
            throw KeyCursor.invalid(cursor);
        }
        return key;
    }

    /**
     * Up to {@code limit} entries of {@code map} between {@code start} and {@code end} (inclusive, in the given
     * direction), after the key of {@code cursor}; each index entry resolved to a value by {@code resolve}, which
     * may answer null for an entry left behind by an interrupted write (skipped).
     *
     * @return the values and the key of the last entry when the page is full (else null)
     */
    static <T> Slice<T> range(MVMap<String, String> map, String start, String end, boolean reverse, String after,
                              int limit, Function<Map.Entry<String, String>, T> resolve) {
        Cursor<String, String> cursor = map.cursor(after == null ? start : after, end, reverse);
        List<T> values = new ArrayList<>();
        String last = null;
        while (values.size() < limit && cursor.hasNext()) {
            String key = cursor.next();
            if (key.equals(after)) {
                continue;
            }
            T value = resolve.apply(Map.entry(key, cursor.getValue()));
            if (value != null) {
                values.add(value);
                last = key;
            }
        }
        return new Slice<>(values, values.size() == limit ? last : null);
    }

    record Slice<T>(List<T> values, String lastKey) {
        String nextCursor() {
            return lastKey == null ? null : cursor(lastKey);
        }
    }
}

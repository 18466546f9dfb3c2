package dev.offhours.core.port;

import java.util.List;
import java.util.Objects;

/**
 * One page of a listing, in the listing's order.
 *
 * @param nextCursor opaque text to pass back for the next page; null when this is the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}

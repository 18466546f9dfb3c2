package dev.offhours.reconciler.api;

import dev.offhours.core.port.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Pages of a store listing narrowed by a predicate. Each store read asks only for the items still missing, so a
 * page ends exactly where the store's page ended and its cursor stays the store's. Reads stop after
 * {@link #READS_MAX} store pages: a short page with a cursor means "more may follow".
 */
final class Filtered {

    static final int READS_MAX = 10;

    private Filtered() {
    }

    /**
     * @param read  reads one store page: (cursor, size)
     * @param keep  which items the page shows
     * @param until the first item (in listing order) that ends the listing, e.g. older than {@code since}
     */
    static <T> Page<T> page(BiFunction<String, Integer, Page<T>> read, String cursor, int limit, Predicate<T> keep,
                            Predicate<T> until) {
        List<T> kept = new ArrayList<>();
        String next = cursor;
        for (int reads = 0; reads < READS_MAX && kept.size() < limit; reads++) {
            Page<T> page = read.apply(next, limit - kept.size());
            for (T item : page.items()) {
                if (until.test(item)) {
                    return Page.last(kept);
                }
                if (keep.test(item)) {
                    kept.add(item);
                }
            }
            next = page.nextCursor();
            if (next == null) {
                break;
            }
        }
        return new Page<>(kept, next);
    }
}

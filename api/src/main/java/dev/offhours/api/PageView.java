package dev.offhours.api;

import java.util.List;

/**
 * One page of a listing. Pass {@code nextCursor} back as {@code cursor} for the next page; null on the last page.
 * Cursors are opaque: their content may change between versions.
 */
public record PageView<T>(List<T> items, String nextCursor) {

    public PageView {
        items = List.copyOf(items);
    }
}

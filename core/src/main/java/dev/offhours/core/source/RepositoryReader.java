package dev.offhours.core.source;

import java.util.Collection;

/**
 * Reads and validates a whole schedules repository revision: {@code schedules/**.yaml}, {@code calendars/*.yaml}
 * and {@code accounts.yaml}. Collects every problem of every file; never stops at the first.
 */
public final class RepositoryReader {

    public RepositoryReadResult read(Collection<SourceFile> files) {
        throw new UnsupportedOperationException("TODO");
    }
}

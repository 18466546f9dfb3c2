package dev.offhours.core.source;

import dev.offhours.core.schedule.ScheduleCatalog;
import java.util.List;

/**
 * The outcome of reading a whole repository revision: the catalog of what could be read and every problem found,
 * sorted by file, line and column. A revision with any problem must not be applied.
 */
public record RepositoryReadResult(ScheduleCatalog catalog, List<Problem> problems) {
    public RepositoryReadResult {
        problems = problems.stream().sorted().toList();
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}

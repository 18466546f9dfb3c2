package dev.offhours.reconciler.source;

/**
 * Which files of a schedules repository the reader gets: the schedule and calendar folders and the account
 * registry. Everything else (README, workflows, the JSON Schema) is the repository's own business.
 */
public final class RepositoryPaths {

    private RepositoryPaths() {
    }

    /** {@code path} is relative to the repository root, with forward slashes. */
    public static boolean isRelevant(String path) {
        if (!(path.endsWith(".yaml") || path.endsWith(".yml"))) {
            return false;
        }
        return path.equals("accounts.yaml")
                || path.startsWith("schedules/") || path.startsWith("calendars/");
    }
}

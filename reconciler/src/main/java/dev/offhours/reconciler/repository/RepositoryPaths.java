package dev.offhours.reconciler.repository;

/**
 * Which files of a schedules repository the reader gets: the schedule and calendar folders and the account
 * registry. Everything else (README, workflows, the JSON Schema) is the repository's own business.
 */
public final class RepositoryPaths {

    /** Files above this size are not schedules; refusing them keeps a hostile revision from filling the heap. */
    public static final long MAX_FILE_BYTES = 1 << 20;

    /** The problem of a symbolic link where the reader expects files. */
    public static final String SYMLINK_REFUSAL = "is a symbolic link; schedule, calendar and account files must be "
            + "regular files of the repository (a link is not followed: it could point outside the repository)";

    private RepositoryPaths() {
    }

    /** The problem of a file above {@link #MAX_FILE_BYTES}. */
    public static String tooLarge(long size) {
        return "is " + size + " bytes; schedule, calendar and account files must be at most " + MAX_FILE_BYTES
                + " bytes";
    }

    /**
     * Inside the part of the repository the reader owns: a relevant file, or anything under schedules/ or
     * calendars/ (a link to a folder there would hide files from review).
     */
    public static boolean isInside(String path) {
        return isRelevant(path) || path.startsWith("schedules/") || path.startsWith("calendars/")
                || path.equals("schedules") || path.equals("calendars");
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

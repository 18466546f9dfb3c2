package dev.offhours.core.source;

/**
 * One file of a schedules repository revision. {@code path} is relative to the repository root with forward
 * slashes ({@code schedules/payments/payments-dev.yaml}); the source may be a directory or a Git tree.
 *
 * @param refusal null for a file that was read; otherwise why the source would not read it (a symbolic link, a file
 *                too large), reported as a problem of the whole file
 */
public record SourceFile(String path, String content, String refusal) {

    public SourceFile(String path, String content) {
        this(path, content, null);
    }

    /** A file the source would not read, and why: the reader reports it as a problem naming the file. */
    public static SourceFile refused(String path, String reason) {
        return new SourceFile(path, "", reason);
    }
}

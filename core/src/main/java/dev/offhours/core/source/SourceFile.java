package dev.offhours.core.source;

/**
 * One file of a schedules repository revision. {@code path} is relative to the repository root with forward
 * slashes ({@code schedules/payments/payments-dev.yaml}); the source may be a directory or a Git tree.
 */
public record SourceFile(String path, String content) {
}

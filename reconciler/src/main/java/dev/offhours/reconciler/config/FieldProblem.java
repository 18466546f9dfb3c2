package dev.offhours.reconciler.config;

/**
 * One mistake in the service configuration, at a field named as the file spells it ({@code git.token},
 * {@code api.tokenSha256[1]}), relative to the section that reports it.
 */
public record FieldProblem(String field, String message) {
}

package dev.offhours.core.port;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One reconciler condition.
 *
 * @param reason CamelCase constant such as {@code NewRevision}, {@code FetchFailed}, {@code ValidationFailed}
 */
public record Condition(ConditionType type, ConditionStatus status, String reason, String message,
                        Instant lastTransitionTime) {

    private static final Pattern CAMEL_CASE = Pattern.compile("[A-Z][A-Za-z0-9]*");

    public Condition {
        Objects.requireNonNull(type, "condition type");
        Objects.requireNonNull(status, "condition status");
        if (reason == null || !CAMEL_CASE.matcher(reason).matches()) {
            throw new IllegalArgumentException("condition reason must be CamelCase like 'ValidationFailed', but was '"
                    + reason + "'");
        }
        message = message == null ? "" : message;
        Objects.requireNonNull(lastTransitionTime, "lastTransitionTime");
    }
}

package dev.offhours.reconciler.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.offhours.reconciler.config.CheckedFields;
import dev.offhours.reconciler.config.FieldChecks;
import dev.offhours.reconciler.config.FieldProblem;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Configuration of the status API ({@code api:} in the service's YAML).
 *
 * <pre>
 * api:
 *   tokenSha256:                # SHA-256 (hex) of each accepted bearer token; several allow rotation
 *     - 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 *   countsRefresh: 10s          # how old the counts of targets by state may get
 * </pre>
 * Make a hash with {@code printf %s "$TOKEN" | sha256sum}. Tokens themselves never appear in the configuration.
 */
@CheckedFields
public class ApiConfig implements FieldChecks {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    @NotEmpty(message = "must list the SHA-256 (64 hex digits) of at least one bearer token")
    @JsonProperty
    private List<String> tokenSha256 = new ArrayList<>();

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration countsRefresh = Duration.seconds(10);

    public List<String> tokenSha256() {
        return tokenSha256;
    }

    public ApiConfig tokenSha256(List<String> value) {
        this.tokenSha256 = value;
        return this;
    }

    /** Each entry checked by its index, so the message says which one (an element constraint would not). */
    @Override
    public List<FieldProblem> fieldProblems() {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; tokenSha256 != null && i < tokenSha256.size(); i++) {
            String hash = tokenSha256.get(i);
            // an unset ${VARIABLE} is reported as such by the whole configuration's check
            if (hash == null || !(hash.contains("${") || SHA256.matcher(hash).matches())) {
                problems.add(new FieldProblem("tokenSha256[" + i + "]", "must be the SHA-256 of a bearer token in "
                        + "hex (64 digits 0-9a-f), as printed by printf %s \"$TOKEN\" | sha256sum, not the token "
                        + "itself"));
            }
        }
        return problems;
    }

    public Duration countsRefresh() {
        return countsRefresh;
    }

    public ApiConfig countsRefresh(Duration value) {
        this.countsRefresh = value;
        return this;
    }
}

package dev.offhours.reconciler.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
public class ApiConfig {

    @NotEmpty(message = "must list the SHA-256 (64 hex digits) of at least one bearer token")
    private List<@NotNull @Pattern(regexp = "[0-9a-fA-F]{64}",
            message = "must be a SHA-256 in hex (64 digits 0-9a-f), as printed by sha256sum") String> tokenSha256 =
            new ArrayList<>();

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration countsRefresh = Duration.seconds(10);

    @JsonProperty
    public List<String> getTokenSha256() {
        return tokenSha256;
    }

    @JsonProperty
    public void setTokenSha256(List<String> tokenSha256) {
        this.tokenSha256 = tokenSha256;
    }

    @JsonProperty
    public Duration getCountsRefresh() {
        return countsRefresh;
    }

    @JsonProperty
    public void setCountsRefresh(Duration countsRefresh) {
        this.countsRefresh = countsRefresh;
    }
}

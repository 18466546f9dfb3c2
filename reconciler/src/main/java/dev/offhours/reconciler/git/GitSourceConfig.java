package dev.offhours.reconciler.git;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the schedules repository lives and how to reach it; embeddable in the Dropwizard configuration as
 * {@code git:}. Secrets ({@code token}, {@code webhookSecret}) come from environment variables through
 * {@code ${VAR}} substitution and never appear in {@link #toString()}.
 */
public class GitSourceConfig {

    /** {@code https://...}, {@code ssh://...} or {@code git@host:org/repo.git}, a local path or {@code file://}. */
    @NotBlank
    @JsonProperty
    private String url;

    @NotBlank
    @Pattern(regexp = "[^\\s~^:?*\\[\\\\]+", message = "must be a branch name such as main")
    @JsonProperty
    private String branch = "main";

    /** Local directory of the bare clone; created on the first fetch, reused after a restart. */
    @NotBlank
    @JsonProperty
    private String localDirectory = "offhours-data/schedules.git";

    /** Folder of the Git repository that is the schedules repository; empty for its root. */
    @NotNull
    @JsonProperty
    private String subdirectory = "";

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration pollInterval = Duration.seconds(60);

    /** Fraction of {@code pollInterval} each wait may differ by, so replicas do not fetch in lockstep. */
    @DecimalMin("0.0")
    @DecimalMax("0.5")
    @JsonProperty
    private double jitter = 0.1;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration timeout = Duration.seconds(60);

    /** HTTPS: user name sent with the token; GitHub App and fine-grained tokens use {@code x-access-token}. */
    @NotBlank
    @JsonProperty
    private String username = "x-access-token";

    @JsonProperty
    private String token;

    /** SSH: private key file (OpenSSH or PEM format, without a passphrase). */
    @JsonProperty
    private String sshPrivateKeyFile;

    /** SSH: known_hosts file; default {@code ~/.ssh/known_hosts}. */
    @JsonProperty
    private String sshKnownHostsFile;

    /** SSH: refuse hosts whose key is not in known_hosts. Turn off only for trials. */
    @JsonProperty
    private boolean strictHostKeyChecking = true;

    /** Secret of the GitHub webhook ({@code X-Hub-Signature-256}); without it, the webhook endpoint is not served. */
    @JsonProperty
    private String webhookSecret;

    @ValidationMethod(message = "git.token and git.sshPrivateKeyFile are both set: give git.token for an HTTPS "
            + "URL or git.sshPrivateKeyFile for SSH, not both")
    @JsonIgnore
    public boolean isOneAuthenticationMethod() {
        return token().isEmpty() || sshPrivateKeyFile().isEmpty();
    }

    public String url() {
        return url;
    }

    public String branch() {
        return branch;
    }

    public Path localDirectory() {
        return Path.of(localDirectory);
    }

    public String subdirectory() {
        return subdirectory;
    }

    public java.time.Duration pollInterval() {
        return java.time.Duration.ofMillis(pollInterval.toMilliseconds());
    }

    public double jitter() {
        return jitter;
    }

    public java.time.Duration timeout() {
        return java.time.Duration.ofMillis(timeout.toMilliseconds());
    }

    public String username() {
        return username;
    }

    public Optional<String> token() {
        return nonBlank(token);
    }

    public Optional<Path> sshPrivateKeyFile() {
        return nonBlank(sshPrivateKeyFile).map(Path::of);
    }

    public Optional<Path> sshKnownHostsFile() {
        return nonBlank(sshKnownHostsFile).map(Path::of);
    }

    public boolean strictHostKeyChecking() {
        return strictHostKeyChecking;
    }

    public Optional<String> webhookSecret() {
        return nonBlank(webhookSecret);
    }

    public GitSourceConfig url(String value) {
        this.url = value;
        return this;
    }

    public GitSourceConfig branch(String value) {
        this.branch = value;
        return this;
    }

    public GitSourceConfig localDirectory(Path value) {
        this.localDirectory = value.toString();
        return this;
    }

    public GitSourceConfig subdirectory(String value) {
        this.subdirectory = value;
        return this;
    }

    public GitSourceConfig pollInterval(java.time.Duration value) {
        this.pollInterval = Duration.milliseconds(value.toMillis());
        return this;
    }

    public GitSourceConfig jitter(double value) {
        this.jitter = value;
        return this;
    }

    public GitSourceConfig timeout(java.time.Duration value) {
        this.timeout = Duration.milliseconds(value.toMillis());
        return this;
    }

    public GitSourceConfig username(String value) {
        this.username = value;
        return this;
    }

    public GitSourceConfig token(String value) {
        this.token = value;
        return this;
    }

    public GitSourceConfig sshPrivateKeyFile(Path value) {
        this.sshPrivateKeyFile = value == null ? null : value.toString();
        return this;
    }

    public GitSourceConfig sshKnownHostsFile(Path value) {
        this.sshKnownHostsFile = value == null ? null : value.toString();
        return this;
    }

    public GitSourceConfig strictHostKeyChecking(boolean value) {
        this.strictHostKeyChecking = value;
        return this;
    }

    public GitSourceConfig webhookSecret(String value) {
        this.webhookSecret = value;
        return this;
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public String toString() {
        return "GitSourceConfig[url=" + Redaction.url(url) + ", branch=" + branch + ", localDirectory="
                + localDirectory + ", pollInterval=" + pollInterval + ", auth="
                + (token().isPresent() ? "token" : sshPrivateKeyFile().isPresent() ? "ssh-key" : "none") + "]";
    }
}

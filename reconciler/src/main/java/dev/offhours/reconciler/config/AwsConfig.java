package dev.offhours.reconciler.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The {@code aws:} section: where the hub's own AWS calls go (DynamoDB, SQS, STS) and how spoke roles are assumed.
 * The ExternalId is kept out of {@link #toString()} (it is not a password, but it is the spokes' confused-deputy
 * guard and has no business in logs).
 */
public class AwsConfig {

    /** The hub's region (DynamoDB tables, SQS queues, the STS endpoint). */
    @NotBlank
    @JsonProperty
    private String hubRegion = "eu-central-1";

    /** One endpoint for every hub and spoke client (moto, ElasticMQ); empty for real AWS. */
    @JsonProperty
    private String endpointOverride;

    /** The role assumed in every spoke account. */
    @NotBlank
    @Pattern(regexp = "[\\w+=,.@-]{1,64}", message = "must be an IAM role name such as offhours-spoke")
    @JsonProperty
    private String spokeRoleName = "offhours-spoke";

    /** The ExternalId the spoke roles require; usually {@code ${OFFHOURS_EXTERNAL_ID}}. */
    @NotBlank
    @JsonProperty
    private String externalId;

    /**
     * Fixed dummy credentials instead of the default provider chain: for emulators (moto, ElasticMQ), never for AWS.
     */
    @JsonProperty
    private boolean emulatorCredentials;

    /** A validation method: its message is printed alone, so it names the field itself. */
    @ValidationMethod(message = "aws.endpointOverride must be an http:// or https:// URL such as "
            + "http://127.0.0.1:5000; leave it out to use AWS's own endpoints")
    @JsonIgnore
    public boolean isEndpointOverrideValid() {
        try {
            return endpointOverride().map(uri -> uri.getScheme() != null && uri.getScheme().startsWith("http")
                    && uri.getHost() != null).orElse(true);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String hubRegion() {
        return hubRegion;
    }

    public Optional<URI> endpointOverride() {
        if (endpointOverride == null || endpointOverride.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(endpointOverride.trim()));
    }

    public String spokeRoleName() {
        return spokeRoleName;
    }

    public String externalId() {
        return externalId;
    }

    public boolean emulatorCredentials() {
        return emulatorCredentials;
    }

    /** The hub's own credentials. */
    public AwsCredentialsProvider credentials() {
        return emulatorCredentials ? StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))
                : DefaultCredentialsProvider.builder().build();
    }

    public AwsConfig hubRegion(String value) {
        this.hubRegion = value;
        return this;
    }

    public AwsConfig endpointOverride(URI value) {
        this.endpointOverride = value == null ? null : value.toString();
        return this;
    }

    public AwsConfig spokeRoleName(String value) {
        this.spokeRoleName = value;
        return this;
    }

    public AwsConfig externalId(String value) {
        this.externalId = value;
        return this;
    }

    public AwsConfig emulatorCredentials(boolean value) {
        this.emulatorCredentials = value;
        return this;
    }

    @Override
    public String toString() {
        return "AwsConfig[hubRegion=" + hubRegion + ", endpointOverride=" + endpointOverride + ", spokeRoleName="
                + spokeRoleName + ", externalId=" + (externalId == null ? "unset" : "(set)") + "]";
    }
}

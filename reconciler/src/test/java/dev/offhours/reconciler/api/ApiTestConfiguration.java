package dev.offhours.reconciler.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A service configuration holding the API's settings plus secrets of other parts, which must never leak. */
public class ApiTestConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty
    public ApiConfig api = new ApiConfig();

    @JsonProperty
    public String externalId;

    @JsonProperty
    public String webhookSecret;
}

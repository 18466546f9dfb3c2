package dev.offhours.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.offhours.reconciler.api.ApiConfig;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The benchmark service's configuration: Dropwizard's server plus the API's tokens. */
public class ApiBenchConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty
    public ApiConfig api = new ApiConfig();
}

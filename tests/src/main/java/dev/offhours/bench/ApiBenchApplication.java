package dev.offhours.bench;

import dev.offhours.reconciler.api.ApiDependencies;
import dev.offhours.reconciler.api.HubApi;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Environment;

/** The status API alone, as the hub registers it, plus a filter counting what it returns. */
final class ApiBenchApplication extends Application<ApiBenchConfiguration> {

    private final ApiDependencies deps;
    private final ReturnedItems returned;

    ApiBenchApplication(ApiDependencies deps, ReturnedItems returned) {
        this.deps = deps;
        this.returned = returned;
    }

    @Override
    public void run(ApiBenchConfiguration configuration, Environment environment) {
        HubApi.register(environment.jersey(), deps, configuration.api);
        environment.jersey().register(returned);
    }
}

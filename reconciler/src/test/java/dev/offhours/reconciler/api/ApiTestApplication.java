package dev.offhours.reconciler.api;

import dev.offhours.reconciler.service.AdminPort;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Environment;

/** The status API alone on a Dropwizard server, over the stores a test seeded. */
final class ApiTestApplication extends Application<ApiTestConfiguration> {

    private final ApiDependencies deps;

    ApiTestApplication(ApiDependencies deps) {
        this.deps = deps;
    }

    @Override
    public void run(ApiTestConfiguration configuration, Environment environment) {
        AdminPort.secure(configuration.getServerFactory());
        HubApi.register(environment.jersey(), deps, configuration.api);
    }
}

package dev.offhours.reconciler.api;

import dev.offhours.reconciler.reconcile.ConvergenceSnapshots;
import io.dropwizard.jersey.setup.JerseyEnvironment;

import java.time.Duration;

/**
 * The read-only status API ({@code /v1}), its OpenAPI document, its bearer-token filter and the dashboard at
 * {@code /}, on the service's application port. The admin port (health, metrics) is Dropwizard's own and untouched.
 */
public final class HubApi {

    private HubApi() {
    }

    /** Registers everything with the application's Jersey environment: {@code environment.jersey()}. */
    public static void register(JerseyEnvironment jersey, ApiDependencies deps, ApiConfig config) {
        Duration refresh = Duration.ofMillis(config.getCountsRefresh().toMilliseconds());
        InventoryCounts counts = new InventoryCounts(deps, refresh);
        ConvergenceSnapshots convergence = new ConvergenceSnapshots(deps.catalog(), deps.control(), deps.clock(),
                deps.overdueAfter(), refresh);
        jersey.register(new BearerAuthFilter(new BearerTokens(config.getTokenSha256())));
        jersey.register(new StoreUnavailableMapper());
        jersey.register(new StoreRefusedMapper());
        jersey.register(new StatusEndpoint(deps, counts, convergence));
        jersey.register(new SchedulesEndpoint(deps, counts));
        jersey.register(new TargetsEndpoint(deps));
        jersey.register(new OperationsEndpoint(deps));
        jersey.register(new OpenApiEndpoint());
        jersey.register(new DashboardResource());
    }
}

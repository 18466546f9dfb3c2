package dev.offhours.reconciler.api;

import dev.offhours.reconciler.reconcile.ConvergenceSnapshots;
import io.dropwizard.jersey.setup.JerseyEnvironment;

import java.time.Duration;
import java.util.List;

/**
 * The read-only status API ({@code /v1}), its OpenAPI document, its bearer-token filter and the dashboard at
 * {@code /}, on the service's application port. The admin port (health, metrics) is Dropwizard's own and untouched.
 */
public final class HubApi {

    /** How long a savings result is reused: it reads every operation record of its period. */
    static final Duration SAVINGS_REFRESH = Duration.ofMinutes(5);

    private HubApi() {
    }

    /** Registers everything with the application's Jersey environment: {@code environment.jersey()}. */
    public static void register(JerseyEnvironment jersey, ApiDependencies deps, ApiConfig config) {
        components(deps, config).forEach(jersey::register);
    }

    /**
     * The filter, exception mappers, endpoints and dashboard, in registration order; the endpoints implement the
     * {@code dev.offhours.api} interfaces, so a caller (the fuzz campaign) can drive them as Jersey does.
     */
    public static List<Object> components(ApiDependencies deps, ApiConfig config) {
        Duration refresh = Duration.ofMillis(config.countsRefresh().toMilliseconds());
        InventoryCounts counts = new InventoryCounts(deps, refresh);
        ConvergenceSnapshots convergence = new ConvergenceSnapshots(deps.catalog(), deps.control(), deps.clock(),
                deps.overdueAfter(), refresh);
        return List.of(new BearerAuthFilter(new BearerTokens(config.tokenSha256())), new StoreUnavailableMapper(),
                new StoreRefusedMapper(), new StatusEndpoint(deps, counts, convergence),
                new SchedulesEndpoint(deps, counts), new TargetsEndpoint(deps), new OperationsEndpoint(deps),
                new SavingsEndpoint(deps, SAVINGS_REFRESH),
                new OpenApiEndpoint(), new DashboardResource());
    }
}

package dev.offhours.reconciler.lambda;

import com.amazonaws.serverless.proxy.jersey.JerseyLambdaContainerHandler;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.codahale.metrics.MetricRegistry;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.reconciler.api.ApiConfig;
import dev.offhours.reconciler.api.ApiDependencies;
import dev.offhours.reconciler.api.HubApi;
import dev.offhours.store.dynamodb.DynamoDbCatalogSnapshots;
import dev.offhours.store.dynamodb.DynamoDbControlStore;
import dev.offhours.store.dynamodb.DynamoDbOperationHistory;
import dev.offhours.store.dynamodb.DynamoDbOperationStore;
import dev.offhours.store.dynamodb.DynamoDbInventoryStore;
import io.dropwizard.core.setup.ExceptionMapperBinder;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.DropwizardResourceConfig;
import io.dropwizard.jersey.jackson.JacksonFeature;
import io.dropwizard.jersey.validation.HibernateValidationBinder;
import io.dropwizard.jersey.validation.Validators;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The status API and the dashboard as a Lambda function behind an API Gateway HTTP API (payload format 2.0, Lambda
 * proxy integration, {@code $default} stage): the service's own JAX-RS endpoints, bearer-token filter and exception
 * mappers, in a Jersey application set up as Dropwizard sets up the service's, run by aws-serverless-java-container.
 * It reads only the hub's three tables; the schedules come from the catalog snapshot the hub writes when it applies
 * a revision. Handler: {@code dev.offhours.reconciler.lambda.StatusApiFunction::handleRequest}.
 */
public final class StatusApiFunction implements RequestStreamHandler {

    private final JerseyLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> handler;

    /** Lambda's constructor: settings from the environment, a DynamoDB client in the function's region. */
    public StatusApiFunction() {
        this(configuredLogging(), Clock.systemUTC());
    }

    private static LambdaApiSettings configuredLogging() {
        FunctionLogging.configure(System.getenv().getOrDefault(FunctionLogging.LEVEL, "INFO"));
        return LambdaApiSettings.from(System.getenv());
    }

    private StatusApiFunction(LambdaApiSettings settings, Clock clock) {
        this(settings, client(settings), clock, clock);
    }

    /**
     * @param clock  the API's clock (states now, the next transitions)
     * @param ticker real time, for how long counts and the catalog are reused
     */
    public StatusApiFunction(LambdaApiSettings settings, DynamoDbClient dynamo, Clock clock, Clock ticker) {
        ApiDependencies deps = new ApiDependencies(
                new SnapshotCatalog(new DynamoDbCatalogSnapshots(dynamo, settings.controlTable()),
                        new RepositoryReader(), ticker, settings.refresh()),
                new DynamoDbControlStore(dynamo, settings.controlTable(), clock),
                new DynamoDbInventoryStore(dynamo, settings.inventoryTable()),
                new DynamoDbOperationHistory(dynamo, settings.operationsTable()),
                new DynamoDbOperationStore(dynamo, settings.operationsTable()), clock, settings.overdueAfter(),
                settings.recordRetention(), settings.eventsEnabled());
        ApiConfig config = new ApiConfig();
        config.tokenSha256(settings.tokenSha256());
        config.countsRefresh(io.dropwizard.util.Duration.milliseconds(settings.refresh().toMillis()));
        this.handler = JerseyLambdaContainerHandler.getHttpApiV2ProxyHandler(application(deps, config));
    }

    /** What Dropwizard registers in the service's Jersey environment, then the API's own components. */
    static DropwizardResourceConfig application(ApiDependencies deps, ApiConfig config) {
        DropwizardResourceConfig jersey = new DropwizardResourceConfig(new MetricRegistry());
        jersey.register(new JacksonFeature(Jackson.newObjectMapper()));
        jersey.register(new HibernateValidationBinder(Validators.newValidator()));
        jersey.register(new ExceptionMapperBinder(false));
        HubApi.components(deps, config).forEach(jersey::register);
        return jersey;
    }

    private static DynamoDbClient client(LambdaApiSettings settings) {
        var builder = DynamoDbClient.builder().region(Region.of(settings.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        settings.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        handler.proxyStream(input, output, context);
    }
}

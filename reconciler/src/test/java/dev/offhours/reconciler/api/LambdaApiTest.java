package dev.offhours.reconciler.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.CatalogSnapshot;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.core.source.SourceFile;
import dev.offhours.reconciler.lambda.LambdaApiSettings;
import dev.offhours.reconciler.lambda.StatusApiFunction;
import dev.offhours.reconciler.repository.DirectoryRevisionReader;
import dev.offhours.store.dynamodb.DynamoDbCatalogSnapshots;
import dev.offhours.store.dynamodb.DynamoDbControlStore;
import dev.offhours.store.dynamodb.DynamoDbOperationHistory;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MutableClock;
import dev.offhours.store.dynamodb.DynamoDbOperationStore;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.store.dynamodb.DynamoDbInventoryStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The status API as a Lambda function, driven with API Gateway HTTP API (payload 2.0) events over the hub's tables in
 * moto, beside the service on the same tables: every GET answers as the service does (status, content type, body),
 * with the same bearer-token check, and the schedules come from the snapshot the hub wrote, not from Git.
 */
class LambdaApiTest {

    static final Instant NOW = DynamoDbApiTest.NOW;
    static final HubTableDefinitions.TableNames NAMES = HubTableDefinitions.TableNames.withPrefix("lambda-test-");
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private DynamoDbClient dynamo;
    private ApiServer server;
    private final MutableClock ticker = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

    private static List<SourceFile> templateFiles() {
        return new DirectoryRevisionReader().read(Path.of("..", "schedules-repo-template"));
    }

    private static LambdaApiSettings settings() {
        return LambdaApiSettings.from(Map.of(
                LambdaApiSettings.CONTROL_TABLE, NAMES.control(),
                LambdaApiSettings.INVENTORY_TABLE, NAMES.inventory(),
                LambdaApiSettings.OPERATIONS_TABLE, NAMES.operations(),
                LambdaApiSettings.TOKEN_SHA256, BearerTokens.sha256Hex(ApiServer.TOKEN) + ","
                        + BearerTokens.sha256Hex(ApiServer.OTHER_TOKEN),
                LambdaApiSettings.REGION, "eu-central-1"));
    }

    /** The hub's tables seeded, the service on them, and the function; the hub wrote its snapshot when asked. */
    private StatusApiFunction start(String name, boolean snapshotWritten) {
        dynamo = MOTO.server().client(DynamoDbClient.builder());
        HubTableDefinitions.createAll(dynamo, NAMES);
        ScheduleCatalog catalog = new RepositoryReader().read(templateFiles()).catalog();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        // the store's clock tells expired orphan reports: the service's and the function's are the same one
        var control = new DynamoDbControlStore(dynamo, NAMES.control(), clock);
        var inventory = new DynamoDbInventoryStore(dynamo, NAMES.inventory());
        var operations = new DynamoDbOperationStore(dynamo, NAMES.operations());
        HubSeed.seed(catalog, NOW, control, inventory, operations);
        if (snapshotWritten) {
            new DynamoDbCatalogSnapshots(dynamo, NAMES.control())
                    .publish(CatalogSnapshot.of(HubSeed.REVISION, NOW, templateFiles()));
        }
        server = new ApiServer(new ApiDependencies(() -> catalog, control, inventory,
                new DynamoDbOperationHistory(dynamo, NAMES.operations()), operations, clock),
                Path.of("target", "api-test", name));
        return new StatusApiFunction(settings(), dynamo, clock, ticker);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }

    @Test
    void everyGetAnswersAsTheServiceDoes() throws Exception {
        StatusApiFunction function = start("lambda-same-answers", true);
        String failedId = JSON.readTree(server.get("/v1/operations?status=FAILED").body()).path("items").get(0)
                .path("id").asText();
        List<String> paths = List.of("/v1/status", "/v1/schedules", "/v1/schedules?limit=2",
                "/v1/schedules/payments-dev", "/v1/schedules/support-late-shift", "/v1/schedules/no-such-schedule",
                "/v1/accounts", "/v1/accounts?limit=1", "/v1/orphans", "/v1/orphans?limit=0",
                "/v1/targets?schedule=payments-dev", "/v1/targets?schedule=" + HubSeed.TYPO,
                "/v1/targets?account=222233334444&region=eu-west-1&state=ASLEEP", "/v1/targets",
                "/v1/operations/latest?limit=7", "/v1/operations/latest?cursor=bogus",
                "/v1/operations?status=FAILED", "/v1/operations?schedule=ml-sandbox",
                "/v1/operations?target=666677778888%23ap-south-1%23asg%23ml-sandbox-runners",
                "/v1/operations/" + failedId, "/v1/operations/not-an-id", "/v1/openapi.yaml", "/v1/nothing-here",
                "/", "/dashboard/dashboard.js", "/dashboard/dashboard.css", "/dashboard/config.yml");

        for (String path : paths) {
            ApiServer.Answer service = server.get(path);
            ApiServer.Answer lambda = ProxyEvents.invoke(function, ProxyEvents.get(path, ApiServer.TOKEN));

            assertThat(lambda.status()).as("status of %s", path).isEqualTo(service.status());
            assertThat(mediaType(lambda)).as("content type of %s", path).isEqualTo(mediaType(service));
            assertThat(lambda.body()).as("body of %s", path).isEqualTo(service.body());
            for (String header : List.of("content-security-policy", "x-content-type-options", "cache-control",
                    "www-authenticate", "retry-after")) {
                assertThat(lambda.headers().get(header)).as("%s of %s", header, path)
                        .isEqualTo(service.headers().get(header));
            }
        }
    }

    @Test
    void noTokenOrAWrongOneIs401WithTheChallengeAndTheRotatedTokenIsAccepted() {
        StatusApiFunction function = start("lambda-tokens", true);
        for (String token : new String[] {null, "not-a-token-of-this-hub", "Bearer"}) {
            for (String path : List.of("/v1/status", "/v1/schedules", "/v1/operations/latest", "/v1/nothing-here")) {
                ApiServer.Answer service = server.get(path, token);
                ApiServer.Answer lambda = ProxyEvents.invoke(function, ProxyEvents.get(path, token));

                assertThat(lambda.status()).as("%s with token %s", path, token).isEqualTo(401);
                assertThat(lambda.headers().get("www-authenticate")).containsExactly(BearerAuthFilter.CHALLENGE);
                assertThat(lambda.body()).isEqualTo(service.body());
            }
        }
        assertThat(ProxyEvents.invoke(function, ProxyEvents.get("/v1/status", ApiServer.OTHER_TOKEN)).status())
                .isEqualTo(200);
        assertThat(ProxyEvents.invoke(function, ProxyEvents.get("/v1/openapi.yaml", null)).status()).isEqualTo(200);
        assertThat(ProxyEvents.invoke(function, ProxyEvents.get("/", null)).status()).isEqualTo(200);
    }

    @Test
    void beforeTheHubWroteASnapshotNoScheduleIsListedAndANewSnapshotIsServedAfterTheRefresh() throws Exception {
        StatusApiFunction function = start("lambda-snapshot-follows", false);
        assertThat(body(function, "/v1/schedules").path("items")).isEmpty();
        assertThat(body(function, "/v1/status").path("schedules").asInt()).isZero();

        new DynamoDbCatalogSnapshots(dynamo, NAMES.control())
                .publish(CatalogSnapshot.of(HubSeed.REVISION, NOW, templateFiles()));
        assertThat(body(function, "/v1/schedules").path("items")).as("within the refresh: from memory").isEmpty();
        ticker.advance(Duration.ofSeconds(11));

        assertThat(body(function, "/v1/schedules").path("items")).hasSize(6);
        assertThat(body(function, "/v1/schedules/payments-dev").path("name").asText()).isEqualTo("payments-dev");
    }

    /** Jetty writes {@code text/html;charset=utf-8}, the adapter {@code text/html; charset=UTF-8}: the same type. */
    private static String mediaType(ApiServer.Answer answer) {
        List<String> type = answer.headers().get("content-type");
        return type == null ? null : type.get(0).replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static com.fasterxml.jackson.databind.JsonNode body(StatusApiFunction function, String path)
            throws Exception {
        ApiServer.Answer answer = ProxyEvents.invoke(function, ProxyEvents.get(path, ApiServer.TOKEN));
        assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}

package dev.offhours.reconciler.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.reconciler.config.AwsConfig;
import dev.offhours.reconciler.config.WorkersConfig;
import dev.offhours.worker.SpokeWorker;
import dev.offhours.worker.WorkerAssembly;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.runtime.lambda.HubWorkerFactory;
import dev.offhours.worker.tracing.TracedWorkItemHandler;
import dev.offhours.worker.tracing.Tracing;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The service's worker pool and the Lambda function run the same worker: the spokes see one role session name (so
 * the event-driven inventory recognises the changes of both as offhours' own), every spoke call goes through the
 * same resilience pipelines, and the worker's settings differ only where the {@code workers:} section says so.
 * Nothing here calls AWS: building the worker makes no request.
 */
class OneWorkerWiringTest {

    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");
    private static final String ROLE = "offhours-spoke";
    private static final String EXTERNAL_ID = "ext-42";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T17:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void theServicePoolAndTheLambdaFunctionAssumeSpokeRolesAndCallSpokesAlike() throws Exception {
        WorkerAssembly lambda = lambdaWorker();
        WorkerAssembly service = serviceWorker(new WorkersConfig());

        assertThat(service.roles()).isEqualTo(lambda.roles());
        assertThat(lambda.roles().sessionName()).isEqualTo(RoleCredentialsCache.SESSION_NAME);
        assertThat(lambda.roles().roleName()).isEqualTo(ROLE);
        assertThat(lambda.roles().externalId()).isEqualTo(EXTERNAL_ID);
        assertThat(service.resilience()).isEqualTo(lambda.resilience());
        assertThat(service.settings()).as("an unconfigured workers: section is the Lambda's worker")
                .isEqualTo(lambda.settings()).isEqualTo(SpokeWorker.Settings.defaults());
    }

    @Test
    void theWorkersSectionSetsTheServicesWorker() throws Exception {
        WorkersConfig workers = new WorkersConfig().confirmDelay(Duration.ofSeconds(3))
                .retryLaterDelay(Duration.ofSeconds(2)).intentLease(Duration.ofMinutes(7)).retryBudget(12);

        SpokeWorker.Settings settings = serviceWorker(workers).settings();

        assertThat(settings.confirmDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.retryLaterDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.lease()).isEqualTo(Duration.ofMinutes(7));
        assertThat(settings.retryBudget()).isEqualTo(12);
        assertThat(settings.asgViewFreshness()).as("not configurable: the worker's default")
                .isEqualTo(SpokeWorker.Settings.defaults().asgViewFreshness());
    }

    @Test
    void withTracingOnBothHomesRunEachItemInASpanAndOffTheWorkerAlone() throws Exception {
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().build()) {
            Tracing tracing = Tracing.of(sdk);
            WorkerAssembly lambda = HubWorkerFactory.build(Region.EU_WEST_1, NOWHERE,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), "operations",
                    "inventory", ROLE, EXTERNAL_ID, tracing);
            WorkerAssembly service = serviceWorker(new WorkersConfig(), tracing);

            assertThat(List.of(lambda.handler(), service.handler())).allSatisfy(handler ->
                    assertThat(handler).isInstanceOf(TracedWorkItemHandler.class));
        }
        WorkerAssembly lambda = lambdaWorker();
        WorkerAssembly service = serviceWorker(new WorkersConfig());
        assertThat(lambda.handler()).as("tracing off: nothing wrapped").isSameAs(lambda.worker());
        assertThat(service.handler()).as("tracing off: nothing wrapped").isSameAs(service.worker());
    }

    private static WorkerAssembly lambdaWorker() {
        return HubWorkerFactory.build(Region.EU_WEST_1, NOWHERE,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), "operations",
                "inventory", ROLE, EXTERNAL_ID);
    }

    private WorkerAssembly serviceWorker(WorkersConfig workers) throws Exception {
        return serviceWorker(workers, Tracing.OFF);
    }

    private WorkerAssembly serviceWorker(WorkersConfig workers, Tracing tracing) throws Exception {
        AwsConfig aws = new AwsConfig().hubRegion(Region.EU_WEST_1.id()).endpointOverride(NOWHERE)
                .emulatorCredentials(true).spokeRoleName(ROLE).externalId(EXTERNAL_ID);
        SpokeAccess spokes = SpokeAccess.aws(aws, workers);
        HubStores stores = HubStores.embedded(data);
        try {
            return HubWiring.worker(aws, workers, spokes, stores, CLOCK, tracing);
        } finally {
            stores.close().close();
            spokes.close().close();
        }
    }
}

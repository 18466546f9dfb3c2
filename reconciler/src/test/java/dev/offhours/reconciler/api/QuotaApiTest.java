package dev.offhours.reconciler.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offhours.core.quota.OnBreach;
import dev.offhours.core.quota.Purchase;
import dev.offhours.core.quota.QuotaClass;
import dev.offhours.core.quota.QuotaKey;
import dev.offhours.core.quota.QuotaNeed;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.reconciler.quota.QuotaFinding;
import dev.offhours.reconciler.quota.QuotaFindings;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A wake wave's quota warning where a user looks for it: {@code /v1/accounts} and the schedule's condition. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotaApiTest {

    static final Instant NOW = Instant.parse("2026-03-25T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedHubStore store;
    private ApiServer server;
    private QuotaFinding finding;

    /** The latest wave of the catalog's first schedule, in its first account and region, short of 32 vCPUs. */
    static QuotaFindings seeded(ScheduleCatalog catalog, Instant now, Clock clock) {
        Account account = catalog.accounts().accounts().get(0);
        String schedule = catalog.schedules().firstKey();
        QuotaFindings findings = new QuotaFindings(clock);
        findings.record(new QuotaFinding(schedule, now.minus(Duration.ofMinutes(30)), account.id(),
                account.regions().get(0), now.minus(Duration.ofMinutes(30)), OnBreach.WARN,
                List.of(new QuotaNeed(new QuotaKey(QuotaClass.STANDARD, Purchase.ON_DEMAND), 64, 256.0, 224.0),
                        new QuotaNeed(new QuotaKey(QuotaClass.STANDARD, Purchase.SPOT), 8, 512.0, 0.0)),
                12, 0, 0));
        return findings;
    }

    @BeforeAll
    void start() throws Exception {
        Path dir = Path.of("target", "api-test", "quota");
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("hub.mv"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        store = EmbeddedHubStore.open(dir.resolve("hub.mv"), clock);
        ScheduleCatalog catalog = HubSeed.templateCatalog();
        HubSeed.seed(catalog, NOW, store.control(), store.inventory(), store.operations());
        QuotaFindings findings = seeded(catalog, NOW, clock);
        finding = findings.current().get(0);
        server = new ApiServer(new ApiDependencies(() -> catalog, store.control(), store.inventory(),
                store.operations(), store.operations(), clock, Duration.ofMinutes(10), Duration.ofDays(90), false,
                findings), dir);
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    private JsonNode ok(String path) throws Exception {
        ApiServer.Answer answer = server.get(path);
        assertThat(answer.status()).as("%s answered %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    @Test
    void theAccountShowsTheWaveThatWouldBreachItsQuota() throws Exception {
        JsonNode accounts = ok("/v1/accounts?limit=200").path("items");
        JsonNode account = null;
        for (JsonNode item : accounts) {
            if (item.path("account").asText().equals(finding.account())
                    && item.path("region").asText().equals(finding.region())) {
                account = item;
            } else {
                assertThat(item.path("quota")).as("other accounts").isEmpty();
            }
        }
        assertThat(account).isNotNull();
        JsonNode check = account.path("quota").get(0);
        System.out.println("GET /v1/accounts, quota of " + finding.account() + "/" + finding.region() + ": " + check);
        assertThat(check.path("breached").asBoolean()).isTrue();
        assertThat(check.path("onBreach").asText()).isEqualTo("warn");
        assertThat(check.path("summary").asText()).isEqualTo(finding.summary()).contains("the wave adds 64 vCPUs to "
                + "L-1216C47A (Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances) but only 32 are free "
                + "(quota 256, in use 224); the whole wave was sent (quota.onBreach: warn)");
        JsonNode standard = check.path("quotas").get(0);
        assertThat(standard.path("code").asText()).isEqualTo("L-1216C47A");
        assertThat(standard.path("need").asDouble()).isEqualTo(64);
        assertThat(standard.path("headroom").asDouble()).isEqualTo(32);
        assertThat(standard.path("breached").asBoolean()).isTrue();
        assertThat(check.path("quotas").get(1).path("breached").asBoolean()).as("Spot fits").isFalse();
    }

    @Test
    void theScheduleCarriesAQuotaHeadroomCondition() throws Exception {
        JsonNode schedule = ok("/v1/schedules/" + finding.schedule());
        JsonNode condition = schedule.path("quota");
        assertThat(condition.path("type").asText()).isEqualTo("QuotaHeadroom");
        assertThat(condition.path("status").asText()).isEqualTo("False");
        assertThat(condition.path("reason").asText()).isEqualTo("QuotaExceeded");
        assertThat(condition.path("message").asText()).isEqualTo(finding.summary());
        JsonNode other = ok("/v1/schedules?limit=100").path("items");
        for (JsonNode item : other) {
            if (!item.path("name").asText().equals(finding.schedule())) {
                assertThat(item.path("quota").isNull()).as("no pre-flight ran for " + item.path("name")).isTrue();
            }
        }
    }
}

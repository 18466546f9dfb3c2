package dev.offhours.reconciler.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Per account and region, whether spoke events reach the hub, and the flag on an account whose events never came. */
class AccountEventsTest {

    private static final Instant NOW = Instant.parse("2026-03-25T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "events on {0}, seen {1}, asleep {2}: {3}")
    @CsvSource({
            "true,  true,  3, SEEN",
            "true,  true,  0, SEEN",
            "true,  false, 0, NONE_YET",
            "true,  false, 2, MISSING",
            "false, false, 2, OFF",
            "false, true,  0, OFF",
    })
    void theFlagFollowsWhetherOffhoursOwnSleepShouldHaveBeenSeen(boolean enabled, boolean seen, long asleep,
                                                                String expected) {
        assertThat(Views.events(enabled, seen, Map.of("AWAKE", 4L, "ASLEEP", asleep))).isEqualTo(expected);
    }

    @Test
    void theAccountsViewShowsTheFlagForEveryAccountAndRegion() throws Exception {
        for (boolean enabled : new boolean[] {true, false}) {
            Path dir = Path.of("target", "api-test", "account-events-" + enabled);
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve("hub.mv"));
            try (EmbeddedHubStore store = EmbeddedHubStore.open(dir.resolve("hub.mv"), Clock.fixed(NOW, ZoneOffset.UTC))) {
                ScheduleCatalog catalog = HubSeed.templateCatalog();
                HubSeed.seed(catalog, NOW, store.control(), store.inventory(), store.operations());
                ApiServer server = new ApiServer(new ApiDependencies(() -> catalog, store.control(), store.inventory(),
                        store.operations(), store.operations(), Clock.fixed(NOW, ZoneOffset.UTC),
                        Duration.ofMinutes(10), ApiDependencies.DEFAULT_RECORD_RETENTION, enabled), dir);
                try {
                    ApiServer.Answer answer = server.get("/v1/accounts");
                    assertThat(answer.status()).isEqualTo(200);
                    JsonNode items = JSON.readTree(answer.body()).path("items");
                    assertThat(items).hasSize(7);
                    for (JsonNode account : items) {
                        boolean seen = !account.path("lastEventAt").isNull();
                        long asleep = account.path("targetsByState").path("ASLEEP").asLong();
                        String expected = !enabled ? "OFF" : seen ? "SEEN" : asleep > 0 ? "MISSING" : "NONE_YET";
                        assertThat(account.path("events").asText()).as(account.toString()).isEqualTo(expected);
                    }
                    if (enabled) {
                        JsonNode dead = null;
                        for (JsonNode account : items) {
                            if (account.path("account").asText().equals(HubSeed.DEAD_ACCOUNT)) {
                                dead = account;
                            }
                        }
                        assertThat(dead).isNotNull();
                        assertThat(dead.path("events").asText()).isIn("MISSING", "NONE_YET");
                    }
                } finally {
                    server.close();
                }
            }
        }
    }
}

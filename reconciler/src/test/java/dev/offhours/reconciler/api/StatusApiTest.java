package dev.offhours.reconciler.api;

import static org.assertj.core.api.Assertions.within;

import dev.offhours.core.work.Action;

import dev.offhours.core.port.OperationStatus;

import dev.offhours.core.port.OperationRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The status API over a seeded embedded store, through real HTTP with a bearer token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusApiTest {

    static final Instant NOW = Instant.parse("2026-03-25T09:00:00Z"); // Wednesday, 10:00 in Berlin
    static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedHubStore store;
    private ApiServer server;
    private HubSeed.Seeded seeded;

    @BeforeAll
    void start() throws Exception {
        Path dir = Path.of("target", "api-test", "status");
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("hub.mv"));
        store = EmbeddedHubStore.open(dir.resolve("hub.mv"), Clock.fixed(NOW, ZoneOffset.UTC));
        ScheduleCatalog catalog = HubSeed.templateCatalog();
        seeded = HubSeed.seed(catalog, NOW, store.control(), store.inventory(), store.operations());
        server = new ApiServer(new ApiDependencies(() -> catalog, store.control(), store.inventory(),
                store.operations(), store.operations(), Clock.fixed(NOW, ZoneOffset.UTC)), dir);
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    JsonNode ok(String path) throws Exception {
        ApiServer.Answer answer = server.get(path);
        assertThat(answer.status()).as("%s answered %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    @Test
    void statusShowsTheAppliedRevisionConditionsAndCounts() throws Exception {
        JsonNode status = ok("/v1/status");
        assertThat(status.path("appliedRevision").asText()).isEqualTo(HubSeed.REVISION);
        assertThat(status.path("conditions").get(0).path("type").asText()).isEqualTo("Ready");
        assertThat(status.path("conditions").get(0).path("status").asText()).isEqualTo("True");
        assertThat(status.path("schedules").asInt()).isEqualTo(6);
        long total = status.path("targetsByState").path("AWAKE").asLong()
                + status.path("targetsByState").path("ASLEEP").asLong()
                + status.path("targetsByState").path("UNKNOWN").asLong();
        assertThat(total).isEqualTo(seeded.items().size());
    }

    @Test
    void targetsTaggedWithAScheduleNoOneHasAreShownAsSuchWithWhereTheyAre() throws Exception {
        JsonNode unknown = ok("/v1/status").path("unknownSchedules");
        assertThat(unknown).hasSize(1);
        assertThat(unknown.get(0).path("schedule").asText()).isEqualTo(HubSeed.TYPO);
        assertThat(unknown.get(0).path("targets").asLong()).isEqualTo(1);
        assertThat(unknown.get(0).path("places").get(0).asText()).matches("\\d{12}/[a-z0-9-]+");
        assertThat(unknown.toString()).as("a removed schedule being woken is no typo").doesNotContain(HubSeed.REMOVED);

        JsonNode typo = ok("/v1/targets?schedule=" + HubSeed.TYPO).path("items");
        assertThat(typo).hasSize(1);
        assertThat(typo.get(0).path("scheduleKnown").asBoolean()).isFalse();
        assertThat(ok("/v1/targets?schedule=payments-dev").path("items").get(0).path("scheduleKnown").asBoolean())
                .isTrue();
    }

    @Test
    void scheduleShowsItsStateNextTransitionsInLocalTimeAndItsLastTransition() throws Exception {
        JsonNode s = ok("/v1/schedules/payments-dev");
        assertThat(s.path("state").asText()).isEqualTo("AWAKE");
        assertThat(s.path("timeZone").asText()).isEqualTo("Europe/Berlin");
        JsonNode next = s.path("nextTransitions").get(0);
        assertThat(next.path("at").asText()).isEqualTo("2026-03-25T18:00:00Z");
        assertThat(next.path("local").asText()).isEqualTo("2026-03-25T19:00+01:00");
        assertThat(next.path("state").asText()).isEqualTo("ASLEEP");
        assertThat(s.path("timeline").get(0).path("fromLocal").asText()).isEqualTo("2026-03-25T00:00+01:00");
        assertThat(s.path("timeline").get(s.path("timeline").size() - 1).path("toLocal").asText())
                .isEqualTo("2026-04-01T00:00+02:00");
        assertThat(s.path("targetsByState").path("AWAKE").asInt()).isEqualTo(3);
        assertThat(s.path("lastTransition").path("at").asText()).isEqualTo("2026-03-25T06:30:00Z");
        assertThat(s.path("lastTransition").path("results").path("SUCCEEDED").asInt()).isEqualTo(3);
    }

    @Test
    void aScheduleShowsWhatItsIntentWantsAndHowFarItsTargetsAre() throws Exception {
        JsonNode c = ok("/v1/schedules/payments-dev").path("convergence");
        assertThat(c.path("state").asText()).isEqualTo("AWAKE");
        assertThat(c.path("since").asText()).isEqualTo("2026-03-25T06:30:00Z");
        assertThat(c.path("reason").asText()).isEqualTo("Transition");
        assertThat(c.path("targets").asInt()).isEqualTo(3);
        assertThat(c.path("converged").asInt()).isEqualTo(3);
        assertThat(c.path("pending").asInt()).isZero();
        assertThat(c.path("failed").asInt()).isZero();
        assertThat(c.path("checkedAt").asText()).isEqualTo(NOW.minusSeconds(30).toString());
        assertThat(c.path("convergedAt").asText()).isEqualTo("2026-03-25T06:30:40Z");
        assertThat(c.path("overdue").asBoolean()).isFalse();
        assertThat(c.path("condition").path("type").asText()).isEqualTo("Converged");
        assertThat(c.path("condition").path("status").asText()).isEqualTo("True");
        assertThat(c.path("condition").path("reason").asText()).isEqualTo("Converged");
        assertThat(c.path("condition").path("lastTransitionTime").asText()).isEqualTo("2026-03-25T06:30:40Z");
    }

    @Test
    void everyScheduleOfTheListCarriesItsConvergedCondition() throws Exception {
        JsonNode items = ok("/v1/schedules?limit=500").path("items");
        assertThat(items).hasSize(HubSeed.CONVERGENCE.size());
        for (JsonNode s : items) {
            JsonNode condition = s.path("convergence").path("condition");
            assertThat(condition.path("reason").asText()).as(s.path("name").asText())
                    .isEqualTo(HubSeed.CONVERGENCE.get(s.path("name").asText()));
        }
    }

    @Test
    void anOverdueScheduleSaysHowManyTargetsArePendingOrFailedAndSinceWhen() throws Exception {
        JsonNode c = ok("/v1/schedules/data-platform-dev").path("convergence");
        assertThat(c.path("overdue").asBoolean()).isTrue();
        assertThat(c.path("pending").asInt()).isEqualTo(2);
        assertThat(c.path("failed").asInt()).isEqualTo(1);
        assertThat(c.path("convergedAt").isNull()).isTrue();
        JsonNode condition = c.path("condition");
        assertThat(condition.path("status").asText()).isEqualTo("False");
        assertThat(condition.path("reason").asText()).isEqualTo("NotConverged");
        assertThat(condition.path("message").asText())
                .contains("since " + NOW.minus(Duration.ofMinutes(30)))
                .contains("2 of 9 targets pending, 1 failed")
                .contains("overdue since " + NOW.minus(Duration.ofMinutes(20)));
        assertThat(condition.path("lastTransitionTime").asText()).isEqualTo(NOW.minus(Duration.ofMinutes(30)).toString());

        JsonNode converging = ok("/v1/schedules/munich-ci-runners").path("convergence");
        assertThat(converging.path("overdue").asBoolean()).isFalse();
        assertThat(converging.path("condition").path("status").asText()).isEqualTo("Unknown");
        assertThat(converging.path("condition").path("reason").asText()).isEqualTo("Converging");
    }

    @Test
    void anIntentTheOtherWayRoundThanTheScheduleIsNeverHealthy() throws Exception {
        JsonNode s = ok("/v1/schedules/support-late-shift");
        JsonNode c = s.path("convergence");
        assertThat(c.path("state").asText()).isNotEqualTo(s.path("state").asText());
        assertThat(c.path("convergedAt").isNull()).as("the old intent converged; that does not count").isFalse();
        assertThat(c.path("overdue").asBoolean()).isTrue();
        assertThat(c.path("condition").path("status").asText()).isEqualTo("False");
        assertThat(c.path("condition").path("reason").asText()).isEqualTo("IntentBehind");
        assertThat(c.path("condition").path("message").asText())
                .contains("wants " + s.path("state").asText() + " now but the hub's intent is still "
                        + c.path("state").asText());
    }

    @Test
    void aScheduleWithoutIntentOrSuspendedIsNeitherHealthyNorOverdue() throws Exception {
        JsonNode none = ok("/v1/schedules/search-staging").path("convergence");
        assertThat(none.path("state").isNull()).isTrue();
        assertThat(none.path("since").isNull()).isTrue();
        assertThat(none.path("targets").isNull()).isTrue();
        assertThat(none.path("overdue").asBoolean()).isFalse();
        assertThat(none.path("condition").path("status").asText()).isEqualTo("Unknown");
        assertThat(none.path("condition").path("reason").asText()).isEqualTo("NoIntentYet");
        assertThat(none.path("condition").path("lastTransitionTime").isNull()).isTrue();
        JsonNode suspended = ok("/v1/schedules/ml-sandbox").path("convergence");
        assertThat(suspended.path("reason").asText()).isEqualTo("Suspended");
        assertThat(suspended.path("overdue").asBoolean()).isFalse();
        assertThat(suspended.path("condition").path("status").asText()).isEqualTo("Unknown");
        assertThat(suspended.path("condition").path("reason").asText()).isEqualTo("Suspended");
    }

    @Test
    void statusCountsOverdueSchedulesAndListsRemovedOnesStillWaking() throws Exception {
        JsonNode status = ok("/v1/status");
        JsonNode converged = null;
        for (JsonNode c : status.path("conditions")) {
            if (c.path("type").asText().equals("Converged")) {
                converged = c;
            }
        }
        assertThat(converged).as("a Converged condition").isNotNull();
        assertThat(converged.path("status").asText()).isEqualTo("False");
        assertThat(converged.path("reason").asText()).isEqualTo("NotConverged");
        assertThat(converged.path("message").asText()).startsWith("3 of 7 schedules not converged within PT10M: "
                + "data-platform-dev, legacy-batch, support-late-shift");
        JsonNode c = status.path("convergence");
        assertThat(c.path("overdueAfter").asText()).isEqualTo("PT10M");
        assertThat(c.path("overdue").asInt()).isEqualTo(3);
        assertThat(c.path("overdueSchedules").toString())
                .isEqualTo("[\"data-platform-dev\",\"legacy-batch\",\"support-late-shift\"]");
        assertThat(c.path("pendingTargets").asLong()).as("2 + 1 + 2 of the removed; none of the lagging").isEqualTo(5);
        assertThat(c.path("failedTargets").asLong()).isEqualTo(1);
        assertThat(c.path("schedulesByReason").toString()).isEqualTo("{\"Converged\":1,\"Converging\":1,"
                + "\"IntentBehind\":1,\"NoIntentYet\":1,\"NotConverged\":1,\"Suspended\":1}");
        assertThat(c.path("removed")).hasSize(1);
        JsonNode removed = c.path("removed").get(0);
        assertThat(removed.path("schedule").asText()).isEqualTo(HubSeed.REMOVED);
        assertThat(removed.path("convergence").path("state").asText()).isEqualTo("AWAKE");
        assertThat(removed.path("convergence").path("reason").asText()).isEqualTo("ScheduleRemoved");
        assertThat(removed.path("convergence").path("pending").asInt()).isEqualTo(2);
        assertThat(removed.path("convergence").path("condition").path("reason").asText()).isEqualTo("NotConverged");
        assertThat(c.path("checkedAt").asText()).isEqualTo(NOW.toString());
    }

    @Test
    void schedulesArePagedByNameWithOpaqueCursors() throws Exception {
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok("/v1/schedules?limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(s -> names.add(s.path("name").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(2);
        assertThat(names).containsExactly("data-platform-dev", "ml-sandbox", "munich-ci-runners", "payments-dev",
                "search-staging", "support-late-shift");
    }

    @Test
    void targetsOfAScheduleCarryTheirSavedAwakeCapacity() throws Exception {
        JsonNode page = ok("/v1/targets?schedule=data-platform-dev&limit=500");
        assertThat(page.path("items")).isNotEmpty();
        page.path("items").forEach(t -> {
            assertThat(t.path("schedule").asText()).isEqualTo("data-platform-dev");
            assertThat(t.path("savedAwake").path("desired").asInt()).isEqualTo(3);
        });
        JsonNode byAccount = ok("/v1/targets?account=" + HubSeed.DEAD_ACCOUNT + "&region=ap-south-1&state=UNKNOWN");
        assertThat(byAccount.path("items")).hasSize(1);
        assertThat(byAccount.path("items").get(0).path("kind").asText()).isEqualTo("asg");
    }

    @Test
    void latestOperationsPageThroughEveryRecordNewestFirstOnce() throws Exception {
        List<String> created = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = ok("/v1/operations/latest?limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.path("items").size()).isLessThanOrEqualTo(5);
            page.path("items").forEach(o -> {
                created.add(o.path("createdAt").asText());
                ids.add(o.path("id").asText());
            });
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        long withinWeek = seeded.records().stream().filter(r -> !r.createdAt().isBefore(NOW.minus(Duration.ofDays(7))))
                .count();
        assertThat(ids).hasSize(created.size()).hasSize((int) withinWeek);
        assertThat(created).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    }

    @Test
    void failuresAreListedAndOneRecordIsFoundByItsId() throws Exception {
        JsonNode failures = ok("/v1/operations?status=FAILED");
        assertThat(failures.path("items")).hasSize(3);
        JsonNode first = failures.path("items").get(0);
        assertThat(first.path("errorCode").asText()).isEqualTo("AccessDenied");
        JsonNode one = ok("/v1/operations/" + first.path("id").asText());
        assertThat(one.path("targetKey").asText()).isEqualTo(first.path("targetKey").asText());
        JsonNode ofTarget = ok("/v1/operations?target=" + java.net.URLEncoder.encode(first.path("targetKey").asText(),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ofTarget.path("items")).hasSize(1);
        JsonNode ofSchedule = ok("/v1/operations?schedule=" + first.path("schedule").asText() + "&status=FAILED");
        assertThat(ofSchedule.path("items")).hasSize(3);
    }

    @Test
    void accountsShowHealthAliasAndTargetsByState() throws Exception {
        JsonNode page = ok("/v1/accounts");
        assertThat(page.path("items")).hasSize(7);
        JsonNode dead = null;
        for (JsonNode a : page.path("items")) {
            if (a.path("account").asText().equals(HubSeed.DEAD_ACCOUNT)) {
                dead = a;
            }
        }
        assertThat(dead).isNotNull();
        assertThat(dead.path("alias").asText()).isEqualTo("sandbox-ml");
        assertThat(dead.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(dead.path("lastError").asText()).isEqualTo(HubSeed.DEAD_ERROR);
        assertThat(dead.path("targetsByState").path("UNKNOWN").asInt()).isEqualTo(1);
    }

    @Test
    void orphansArePagedByTargetKeyWithTheCapacityToRestore() throws Exception {
        JsonNode first = ok("/v1/orphans?limit=1");
        assertThat(first.path("items")).hasSize(1);
        JsonNode asg = first.path("items").get(0);
        assertThat(asg.path("targetKey").asText()).isEqualTo(seeded.orphans().get(0).target().key());
        assertThat(asg.path("kind").asText()).isEqualTo("asg");
        assertThat(asg.path("name").asText()).isEqualTo("legacy-reports");
        assertThat(asg.path("cluster").isNull()).isTrue();
        assertThat(asg.path("schedule").asText()).isEqualTo("payments-dev");
        assertThat(asg.path("current").path("desired").asInt()).isZero();
        assertThat(asg.path("savedAwake").path("desired").asInt()).isEqualTo(3);
        assertThat(asg.path("reportedAt").asText()).isEqualTo(NOW.minusSeconds(3600).toString());
        assertThat(asg.path("reportedBy").asText()).isEqualTo("event");
        assertThat(asg.path("sentence").asText()).contains("lost its opt-in tag while asleep")
                .endsWith("restore it to min=2,desired=3,max=6");

        JsonNode second = ok("/v1/orphans?limit=1&cursor=" + first.path("nextCursor").asText());
        assertThat(second.path("nextCursor").isNull()).isTrue();
        JsonNode nodegroup = second.path("items").get(0);
        assertThat(nodegroup.path("cluster").asText()).isEqualTo("payments-dev-eks");
        assertThat(nodegroup.path("savedAwake").isNull()).isTrue();
        assertThat(nodegroup.path("sentence").asText()).endsWith("its awake capacity is not known");
        assertThat(ok("/v1/orphans").path("items")).hasSize(2);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/v1/schedules?limit=0                 | 400 | limit must be a whole number from 1 to 500",
            "/v1/schedules?limit=501               | 400 | limit must be a whole number from 1 to 500",
            "/v1/operations/latest?limit=ten       | 400 | limit must be a whole number from 1 to 500",
            "/v1/operations/latest?since=yesterday | 400 | since must be an ISO-8601 instant",
            "/v1/operations/latest?cursor=bogus    | 400 | cursor must be the nextCursor of the previous page",
            "/v1/operations/latest?since=P36500D   | 400 | since must be within the records' retention of 90 days: from 2025-12-25T09:00:00Z (P90D) to now",
            "/v1/operations?status=FAILED&since=0001-01-01T00:00:00Z | 400 | since must be within the records' retention",
            "/v1/operations?target=x&since=P91D    | 400 | since must be within the records' retention",
            "/v1/orphans?limit=0                   | 400 | limit must be a whole number from 1 to 500",
            "/v1/targets?state=DOZING&schedule=x   | 400 | state must be one of AWAKE, ASLEEP, UNKNOWN",
            "/v1/targets                           | 400 | targets are listed by schedule",
            "/v1/targets?account=111122223333      | 400 | targets are listed by schedule",
            "/v1/operations?status=SUCCEEDED       | 400 | only status=FAILED is listed",
            "/v1/operations/not-an-id              | 400 | operation id must be the id of a record",
            "/v1/schedules/no-such-schedule        | 404 | no schedule named 'no-such-schedule'",
            "/v1/targets?schedule=no-such-schedule | 404 | no schedule named 'no-such-schedule'",
            "/v1/operations/bm8KMjAyNi0wMy0yNVQwNjozMDowMFoKeA | 404 | no operation record of schedule 'no'",
    })
    void badParametersAndUnknownNamesAreExplained(String path, int status, String sentence) throws Exception {
        ApiServer.Answer answer = server.get(path.trim());
        assertThat(answer.status()).isEqualTo(status);
        assertThat(JSON.readTree(answer.body()).path("message").asText()).contains(sentence.trim());
    }

    @ParameterizedTest(name = "window {0} .. {1}")
    @CsvSource({
            "0001-01-01T00:00:00Z, 2026-03-25T09:00:00Z",
            "2026-03-18T09:00:00Z, 2099-01-01T00:00:00Z",
            "2026-03-25T09:00:00Z, 2026-03-18T09:00:00Z"})
    void aCursorWhoseWindowNoFirstPageCouldHaveIsRefusedWith400(String from, String to) throws Exception {
        for (String listing : List.of("latest", "failures")) {
            String forged = ApiCursor.encode(listing, List.of(from, to), "anything");
            String path = listing.equals("latest") ? "/v1/operations/latest" : "/v1/operations?status=FAILED";
            ApiServer.Answer answer = server.get((path.contains("?") ? path + "&" : path + "?") + "cursor=" + forged);
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(JSON.readTree(answer.body()).path("message").asText()).contains("within the records' retention");
        }
    }

    @Test
    void aCursorOfOneListingIsRefusedByAnother() throws Exception {
        String cursor = ok("/v1/operations/latest?limit=1").path("nextCursor").asText();
        ApiServer.Answer answer = server.get("/v1/targets?schedule=payments-dev&cursor=" + cursor);
        assertThat(answer.status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "token {0}")
    @CsvSource(nullValues = "none", value = {"none", "wrong-token", "''"})
    void withoutAValidTokenEveryCallIs401WithABearerChallenge(String token) {
        for (String path : List.of("/v1/status", "/v1/schedules", "/v1/operations/latest", "/v1/orphans",
                "/v1/nothing-here")) {
            ApiServer.Answer answer = server.get(path, token);
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.headers().get("www-authenticate")).containsExactly("Bearer realm=\"offhours\"");
        }
    }

    @Test
    void everyConfiguredTokenIsAcceptedSoTokensCanBeRotated() {
        assertThat(server.get("/v1/status", ApiServer.OTHER_TOKEN).status()).isEqualTo(200);
        assertThat(server.get("/v1/status", ApiServer.TOKEN).status()).isEqualTo(200);
    }

    @Test
    void theDashboardAndTheOpenApiDocumentLoadWithoutATokenButHoldNoData() {
        ApiServer.Answer page = server.get("/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>offhours</title>").doesNotContain("payments-dev");
        assertThat(server.get("/dashboard/dashboard.js", null).status()).isEqualTo(200);
        assertThat(server.get("/dashboard/../config.yml", null).status()).isEqualTo(404);
        ApiServer.Answer document = server.get("/v1/openapi.yaml", null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("openapi: 3.0.3").contains("/v1/operations/latest");
    }

    @Test
    void theAdminPortIsSeparateAndTheApiIsNotOnIt() {
        URI admin = URI.create("http://127.0.0.1:" + server.adminPort());
        assertThat(server.send(HttpRequest.newBuilder(admin.resolve("/healthcheck")).build()).status())
                .isIn(200, 500);
        assertThat(server.send(HttpRequest.newBuilder(admin.resolve("/v1/status"))
                .header("Authorization", "Bearer " + ApiServer.TOKEN).build()).status()).isEqualTo(404);
        assertThat(server.get("/healthcheck").status()).isEqualTo(404);
        // the test configuration names no bindHost for the admin connector
        assertThat(server.adminHosts()).containsExactly("127.0.0.1");
    }

    @Test
    void noSecretAppearsInAnyResponseOrLogLine() throws Exception {
        // with Jetty at DEBUG (the test configuration), which dumps request headers unless guarded
        // exercise every endpoint, good and bad, first
        for (String path : List.of("/v1/status", "/v1/schedules", "/v1/schedules/payments-dev", "/v1/accounts",
                "/v1/targets?schedule=payments-dev", "/v1/operations/latest", "/v1/operations?status=FAILED", "/v1/orphans",
                "/v1/schedules/nope", "/v1/targets?limit=-1", "/", "/v1/openapi.yaml")) {
            server.get(path);
            server.get(path, "wrong-" + ApiServer.TOKEN);
            server.get(path, null);
        }
        Thread.sleep(1500); // the request log is written asynchronously
        String logs = server.logs();
        assertThat(logs).as("the service logged its requests").contains("/v1/status");
        List<String> secrets = List.of(ApiServer.TOKEN, ApiServer.OTHER_TOKEN, ApiServer.EXTERNAL_ID,
                ApiServer.WEBHOOK_SECRET);
        for (String secret : secrets) {
            assertThat(logs).doesNotContain(secret);
            for (ApiServer.Answer answer : server.answers()) {
                assertThat(answer.body()).doesNotContain(secret);
                assertThat(answer.headers().toString()).doesNotContain(secret);
            }
        }
    }

    @Test
    void savingsCountEachNightFromTheRecordsWithThePriceDateTheEstimateUsed() throws Exception {
        JsonNode savings = ok("/v1/savings");
        assertThat(savings.path("period").asText()).isEqualTo("week");
        assertThat(savings.path("priceDate").asText()).isEqualTo(SavingsEndpoint.shippedPrices().priceDate()
                .toString());
        assertThat(savings.path("assumedInstanceType").asText()).isEqualTo("m5.large");
        // the seed's last transitions: a target slept since its SLEEP record, or since the week began until its WAKE
        Instant weekStart = NOW.minus(Duration.ofDays(7));
        double expected = 0;
        for (OperationRecord r : seeded.records()) {
            if (r.status() != OperationStatus.SUCCEEDED) {
                continue;
            }
            expected += r.action() == Action.SLEEP
                    ? hours(r.updatedAt(), NOW) * (r.before().desired() - r.after().desired())
                    : hours(weekStart, r.updatedAt()) * (r.after().desired() - r.before().desired());
        }
        assertThat(savings.path("total").path("instanceHours").asDouble()).isCloseTo(expected, within(0.05));
        assertThat(expected).as("the seed saves something").isPositive();
        assertThat(savings.path("bySchedule").size()).isPositive();
        assertThat(savings.path("byTeam").get(0).path("key").asText()).startsWith("team-");
        double perDay = 0;
        for (JsonNode day : savings.path("days")) {
            perDay += day.path("instanceHours").asDouble();
        }
        assertThat(perDay).isCloseTo(expected, within(0.5));
        assertThat(ok("/v1/savings?period=month").path("period").asText()).isEqualTo("month");
        ApiServer.Answer wrong = server.get("/v1/savings?period=year");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("period must be one of WEEK, MONTH");
    }

    private static double hours(Instant from, Instant to) {
        return Duration.between(from, to).getSeconds() / 3600.0;
    }
}

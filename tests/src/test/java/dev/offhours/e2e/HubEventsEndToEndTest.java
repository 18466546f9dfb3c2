package dev.offhours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offhours.api.CapacityView;
import dev.offhours.api.PageView;
import dev.offhours.api.TargetView;
import dev.offhours.reconciler.OffhoursConfiguration;
import dev.offhours.reconciler.service.Hub;
import dev.offhours.reconciler.events.EventFixtures;
import dev.offhours.reconciler.events.HubEventBus;
import dev.offhours.reconciler.git.TestGitRepository;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The hub service with the event-driven inventory on, end to end on moto: AWS-shaped events put on the hub bus reach
 * the events queue through moto's rules, and the inventory the status API serves converges to the real state of the
 * Auto Scaling group, without discovery (which ran once at start, before the group existed, and waits 24 hours).
 *
 * <p>moto delivers a rule's SQS target only into the rule's own account, forwards between buses under the receiving
 * bus's account, and gives the hub's emulator credentials its default account; so the spoke whose events are put is
 * the hub's own moto account ({@link MotoServer#HUB_ACCOUNT}), onboarded in accounts.yaml like any spoke and reached
 * through the spoke role.
 */
class HubEventsEndToEndTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    /** The schedule the fixtures' CreateAutoScalingGroup tags the group with. */
    private static final String SCHEDULE = "office-hours";
    private static final String SPOKE = MotoServer.HUB_ACCOUNT;
    private static final String ASG = "web-e2e";
    private static final String API_TOKEN = "test";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = Jackson.newObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void eventsOnTheHubBusKeepTheInventoryOfAnAsgCurrentFromCreationToDeletion() throws Exception {
        MotoServer moto = MOTO.server();
        MotoHub.createTables(moto);
        MotoHub.Queues work = MotoHub.createQueues(moto);
        Instant sleepAt = MotoHub.nextMinute(Instant.now(), Duration.ofHours(2)); // no transition during the test
        TestGitRepository repo = TestGitRepository.init(dir.resolve("repo"))
                .write("accounts.yaml", MotoHub.accountsYaml(moto.region(), SPOKE))
                .write("schedules/e2e/" + SCHEDULE + ".yaml",
                        MotoHub.scheduleYaml(SCHEDULE, sleepAt, sleepAt.plus(Duration.ofHours(1))));
        repo.commit("office-hours, far from any transition");
        try (EventBridgeClient events = moto.client(EventBridgeClient.builder());
             SqsClient sqs = moto.client(SqsClient.builder())) {
            HubEventBus bus = HubEventBus.create(events, sqs);
            DropwizardTestSupport<OffhoursConfiguration> app = MotoHub.start(config(moto, work, bus));
            try {
                Hub hub = MotoHub.hub(app);
                await("the start-up discovery", () -> hub.discovery().orElseThrow().lastReport());
                EventFixtures fixtures = EventFixtures.of(SPOKE, moto.region()).with("asg", ASG);

                MotoHub.createAsg(moto, SPOKE, ASG, 1, 2, 4, SCHEDULE); // what the create fixture's request says
                bus.put(List.of(fixtures.entry("create-auto-scaling-group", Instant.now(), HubEventBus.BUS)));
                TargetView created = awaitTarget(app, "the created ASG", t -> t.current().equals(capacity(1, 2, 4)));
                assertThat(created.kind()).isEqualTo("asg");
                assertThat(created.schedule()).isEqualTo(SCHEDULE);
                assertThat(created.source()).as("who wrote the inventory item").isEqualTo("event");

                MotoHub.resizeAsg(moto, SPOKE, ASG, 1, 3, 6); // what the update fixture's request says
                bus.put(List.of(fixtures.entry("update-auto-scaling-group", Instant.now(), HubEventBus.BUS)));
                TargetView resized = awaitTarget(app, "the resized ASG", t -> t.current().equals(capacity(1, 3, 6)));
                assertThat(resized.schedule()).isEqualTo(SCHEDULE);
                assertThat(resized.source()).isEqualTo("event");
                assertThat(app.getEnvironment().healthChecks().runHealthCheck("events").isHealthy())
                        .as("the events health check of a consuming hub").isTrue();

                sqs.sendMessage(b -> b.queueUrl(bus.queueUrl()).messageBody("this is not an event"));
                Message dead = await("the non-event on the events dead-letter queue", () -> receive(sqs, bus));
                assertThat(dead.body()).isEqualTo("this is not an event");
                assertThat(dead.messageAttributes()).as("the dead letter's attributes")
                        .hasEntrySatisfying("offhours-reason", reason -> assertThat(reason.stringValue()).isNotBlank());

                MotoHub.deleteAsg(moto, SPOKE, ASG);
                bus.put(List.of(fixtures.entry("delete-auto-scaling-group", Instant.now(), HubEventBus.BUS)));
                await("the deleted ASG to leave the inventory (the consumer goes on after a dead letter)",
                        () -> target(app).isEmpty() ? Optional.of(true) : Optional.empty());
            } finally {
                app.after();
                repo.close();
            }
        }
    }

    private OffhoursConfiguration config(MotoServer moto, MotoHub.Queues work, HubEventBus bus) throws IOException {
        OffhoursConfiguration config = MotoHub.config(moto, work, dir.resolve("repo"), dir.resolve("clone"));
        // the section as an operator writes it; short windows so each event lands within a second or two
        JSON.readerForUpdating(config.events()).readValue(JSON.writeValueAsString(Map.of(
                "enabled", true,
                "queueUrl", bus.queueUrl(),
                "deadLetterQueueUrl", bus.deadLetterUrl(),
                "debounce", "1s",
                "instanceWindow", "2s",
                "receiveWait", "1s")));
        return config;
    }

    private TargetView awaitTarget(DropwizardTestSupport<OffhoursConfiguration> app, String what,
                                   java.util.function.Predicate<TargetView> converged) throws InterruptedException {
        try {
            return await(what, () -> target(app).filter(converged));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the inventory serves " + target(app), e);
        }
    }

    /** The ASG as {@code GET /v1/targets?account=&region=} serves it, if it is in the inventory. */
    private Optional<TargetView> target(DropwizardTestSupport<OffhoursConfiguration> app) {
        URI uri = URI.create("http://127.0.0.1:" + app.getLocalPort() + "/v1/targets?account=" + SPOKE + "&region="
                + MOTO.server().region());
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + API_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
            PageView<TargetView> page = JSON.readValue(response.body(), new TypeReference<>() { });
            return page.items().stream().filter(t -> t.name().equals(ASG)).findFirst();
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Message> receive(SqsClient sqs, HubEventBus bus) {
        return sqs.receiveMessage(b -> b.queueUrl(bus.deadLetterUrl()).maxNumberOfMessages(1).waitTimeSeconds(1)
                .messageAttributeNames("All")).messages().stream().findFirst();
    }

    private static CapacityView capacity(int min, int desired, int max) {
        return new CapacityView(min, desired, max);
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        return MotoHub.await(what, PATIENCE, probe);
    }
}

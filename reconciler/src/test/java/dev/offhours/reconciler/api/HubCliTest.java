package dev.offhours.reconciler.api;

import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.reconciler.cli.CliContext;
import dev.offhours.reconciler.cli.ExitCode;
import dev.offhours.reconciler.cli.ExitCodes;
import dev.offhours.reconciler.cli.PlanCommand;
import dev.offhours.reconciler.cli.StatusCommand;
import dev.offhours.reconciler.git.TestGitRepository;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.JarLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code status --hub-url} and {@code plan --hub-url} against a running API over a seeded store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubCliTest {

    private EmbeddedHubStore store;
    private ApiServer server;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    void start() throws Exception {
        Path dir = Path.of("target", "api-test", "cli");
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("hub.mv"));
        store = EmbeddedHubStore.open(dir.resolve("hub.mv"));
        ScheduleCatalog catalog = HubSeed.templateCatalog();
        HubSeed.seed(catalog, StatusApiTest.NOW, store.control(), store.inventory(), store.operations());
        server = new ApiServer(new ApiDependencies(() -> catalog, store.control(), store.inventory(),
                store.operations(), store.operations(), Clock.fixed(StatusApiTest.NOW, ZoneOffset.UTC)), dir);
    }

    @AfterAll
    void stop() {
        server.close();
        store.close();
    }

    private static Run run(Map<String, String> env, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(Clock.fixed(StatusApiTest.NOW, ZoneOffset.UTC), o, e);
        Application<Configuration> app = new Application<>() {
            @Override
            public void initialize(Bootstrap<Configuration> bootstrap) {
                bootstrap.addCommand(new StatusCommand(context, env::get));
                bootstrap.addCommand(new PlanCommand(context, env::get));
            }

            @Override
            public void run(Configuration configuration, Environment environment) {
            }
        };
        Bootstrap<Configuration> bootstrap = new Bootstrap<>(app);
        app.initialize(bootstrap);
        int exitCode = new Cli(new JarLocation(HubCliTest.class), bootstrap, o, e).run(arguments)
                .map(ExitCodes::of).orElse(ExitCode.OK).code();
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void statusPrintsASummaryOfTheHub() {
        Run run = run(Map.of("OFFHOURS_TOKEN", ApiServer.TOKEN), "status", "--hub-url", server.base().toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("revision: " + HubSeed.REVISION)
                .contains("condition: Ready=True Succeeded")
                .contains("targets: 21 awake, 3 asleep, 1 unknown (6 schedules)") // one tagged with a typo
                .containsPattern("payments-dev +AWAKE +next ASLEEP at 2026-03-25T19:00\\+01:00; 3 awake")
                .contains("accounts: 6 of 7 account regions OK")
                .contains("sandbox-ml (666677778888) ap-south-1: DEGRADED: " + HubSeed.DEAD_ERROR)
                .contains("ml-sandbox WAKE 666677778888#ap-south-1#asg#ml-sandbox-runners: AccessDenied (cannot assume the spoke role)")
                .contains("savings, last 7 days (on-demand prices of "
                        + SavingsEndpoint.shippedPrices().priceDate() + ", every instance priced as m5.large):")
                .containsPattern("  total: [0-9.]+ instance-hours avoided, [0-9.]+ hours asleep over [0-9]+ targets?, "
                        + "about [0-9.]+ USD")
                .containsPattern("  team team-[a-z-]+: ");
    }

    @Test
    void statusPrintsEachSchedulesConvergenceAndTheOverdueOnes() {
        Run run = run(Map.of("OFFHOURS_TOKEN", ApiServer.TOKEN), "status", "--hub-url", server.base().toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("condition: Converged=False NotConverged: 3 of 7 schedules not converged within PT10M")
                .containsPattern("payments-dev +AWAKE .*; 3 awake, 0 asleep, 0 unknown; converged\\n")
                .containsPattern("munich-ci-runners .*; converging \\(1 pending\\)\\n")
                .containsPattern("data-platform-dev .*; NOT converged since 2026-03-25T08:30:00Z \\(2 pending, 1 failed\\)")
                .containsPattern("support-late-shift .*; NOT converged: intent still (AWAKE|ASLEEP) since 2026-03-25T08:00:00Z")
                .containsPattern("ml-sandbox .*; suspended\\n")
                .containsPattern("search-staging .*; no intent yet\\n")
                .contains("not converged within PT10M: data-platform-dev, legacy-batch, support-late-shift "
                        + "(5 targets pending, 1 failed)")
                .contains("  data-platform-dev: NotConverged: not ")
                .contains("  support-late-shift: IntentBehind: the schedule wants ")
                .contains("  legacy-batch (removed, waking its targets): NotConverged: not AWAKE since "
                        + "2026-03-25T08:40:00Z: 2 of 4 targets pending, 0 failed");
    }

    @Test
    void statusExplainsAMissingOrRefusedToken() {
        Run missing = run(Map.of(), "status", "--hub-url", server.base().toString());
        assertThat(missing.exitCode()).as("a usage error").isEqualTo(2);
        assertThat(missing.err()).contains("set the environment variable OFFHOURS_TOKEN");
        Run refused = run(Map.of("HUB", "nope"), "status", "--hub-url", server.base().toString(), "--token-env", "HUB");
        assertThat(refused.exitCode()).as("the hub refused").isEqualTo(3);
        assertThat(refused.err()).contains("refused the token in HUB (401 Unauthorized): set HUB to a token whose "
                + "SHA-256 is listed in the hub's api.tokenSha256").doesNotContain("nope");
    }

    @Test
    void anUnreachableHubNamesTheCauseAndExitsThree() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> token = Map.of("OFFHOURS_TOKEN", ApiServer.TOKEN);

        Run refused = run(token, "status", "--hub-url", "http://127.0.0.1:" + closedPort);
        Run unknownHost = run(token, "status", "--hub-url", "https://offhours.invalid");
        Run plainHttpAsTls = run(token, "status", "--hub-url", server.base().toString().replace("http:", "https:"));

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).isEqualTo("offhours status: cannot reach the hub at http://127.0.0.1:" + closedPort
                + "/: connection refused at 127.0.0.1:" + closedPort + "; nothing listens there: is the hub running, "
                + "and is the port in --hub-url its application port?\n");
        assertThat(unknownHost.exitCode()).isEqualTo(3);
        assertThat(unknownHost.err()).isEqualTo("offhours status: cannot reach the hub at https://offhours.invalid/: "
                + "the host name 'offhours.invalid' does not resolve; check the spelling of --hub-url and the DNS of "
                + "this machine.\n");
        assertThat(plainHttpAsTls.exitCode()).isEqualTo(3);
        assertThat(plainHttpAsTls.err()).contains(": the TLS handshake failed (").contains("try http:// instead of "
                + "https://.");
        assertThat(refused.err() + unknownHost.err() + plainHttpAsTls.err()).doesNotContain("null");
    }

    @Test
    void planWithAHubCountsTheTargetsEachChangedScheduleBindsPerAccount(@TempDir Path temp) throws Exception {
        String base;
        String head;
        try (TestGitRepository repo = TestGitRepository.init(temp)) {
            repo.copyFromTemplate("accounts.yaml").copyTemplate("calendars")
                    .copyFromTemplate("schedules/data/data-platform-dev.yaml")
                    .copyFromTemplate("schedules/payments/payments-dev.yaml");
            base = repo.commit("two schedules").name();
            repo.replace("schedules/data/data-platform-dev.yaml", "to: \"20:00\"", "to: \"21:00\"")
                    .copyFromTemplate("schedules/ml/ml-sandbox.yaml");
            head = repo.commit("later evening for data, ml sandbox").name();
        }
        Run run = run(Map.of("OFFHOURS_TOKEN", ApiServer.TOKEN), "plan", "--repo", temp.toString(), "--base", base,
                "--head", head, "--now", StatusApiTest.NOW.toString(), "--hub-url", server.base().toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("### Targets bound today (from the hub at " + server.base() + ")")
                .contains("| data-platform-dev | changed | 111122223333 | 3 |")
                .contains("| data-platform-dev | changed | 222233334444 | 6 |")
                .contains("| ml-sandbox | added | 666677778888 | 3 |");
    }
}

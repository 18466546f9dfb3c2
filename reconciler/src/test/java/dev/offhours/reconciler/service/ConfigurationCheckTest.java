package dev.offhours.reconciler.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.reconciler.OffhoursApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check config.yml}: the documented example, a complete file with JSON logs, and the mistakes it reports. */
class ConfigurationCheckTest {

    private static final String COMPLETE = """
            git:
              url: https://github.com/acme/offhours-schedules.git
              token: ghp_not_a_real_token
            dispatch:
              workQueueUrl: https://sqs.eu-central-1.amazonaws.com/123456789012/offhours-work
            workers:
              deadLetterQueueUrl: https://sqs.eu-central-1.amazonaws.com/123456789012/offhours-work-dlq
            aws:
              externalId: an-external-id
            api:
              tokenSha256:
                - 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
            logging:
              appenders:
                - type: console
                  layout:
                    type: json
            """;

    private static final String EVENTS_QUEUE = "https://sqs.eu-central-1.amazonaws.com/123456789012/offhours-events";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aCompleteConfigurationWithJsonLogsPassesTheCheck() throws Exception {
        assertThat(check(write(COMPLETE))).as("stderr: %s", err).isZero();
    }

    @Test
    void theExampleNamesEachFieldAndTheEnvironmentVariableItNeeds() {
        assertThat(check(Path.of("config.example.yml"))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "  * aws.externalId names the environment variable OFFHOURS_EXTERNAL_ID (${OFFHOURS_EXTERNAL_ID}), "
                        + "which is not set where offhours runs: set OFFHOURS_EXTERNAL_ID, or write the value in place\n",
                "  * dispatch.workQueueUrl names the environment variable OFFHOURS_WORK_QUEUE_URL",
                "  * workers.deadLetterQueueUrl names the environment variable OFFHOURS_DEAD_LETTER_QUEUE_URL",
                "  * api.tokenSha256[0] names the environment variable OFFHOURS_API_TOKEN_SHA256")
                .doesNotContain("everyVariableSet").doesNotContain("git.token");
    }

    @Test
    void serverRefusesAConfigurationWithTheSameMessages() throws Exception {
        int exitCode = run("server", write(COMPLETE.replace("an-external-id", "${OFFHOURS_NOT_SET_HERE}")));

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("  * aws.externalId names the environment variable "
                + "OFFHOURS_NOT_SET_HERE (${OFFHOURS_NOT_SET_HERE}), which is not set where offhours runs");
    }

    @Test
    void checkWithoutAFileIsAUsageErrorNotTheDefaultConfigurationsInternals() {
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            assertThat(new OffhoursApplication(Clock.systemUTC(), o, e).execute("check")).isEqualTo(2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("too few arguments\nusage: ")
                .contains("CONFIG.yml").doesNotContain("endpointOverrideValid");
    }

    @Test
    void validationMethodsAreReportedByTheFieldsTheyCheck() throws Exception {
        String wrong = COMPLETE.replace("aws:\n", "aws:\n  endpointOverride: ftp://localhost\n")
                .replace("  token: ghp_not_a_real_token\n", "  token: ghp_not_a_real_token\n  sshPrivateKeyFile: /k\n");

        assertThat(check(write(wrong))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "  * aws.endpointOverride must be an http:// or https:// URL such as http://127.0.0.1:5000; leave it "
                        + "out to use AWS's own endpoints\n",
                "  * git.token and git.sshPrivateKeyFile are both set: give git.token for an HTTPS URL or "
                        + "git.sshPrivateKeyFile for SSH, not both\n")
                .doesNotContain("Valid ").doesNotContain("oneAuthenticationMethod").doesNotContain("ghp_not");
    }

    @Test
    void aMissingRepositoryUrlAndAWrongStoreTypeAreReported() throws Exception {
        String broken = COMPLETE.replace("  url: https://github.com/acme/offhours-schedules.git\n", "")
                .replace("aws:", "store:\n  type: cassandra\naws:");
        assertThat(check(write(broken))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("store.type");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("ghp_not_a_real_token");
        assertThat(check(write(COMPLETE.replace("  url: https://github.com/acme/offhours-schedules.git\n", ""))))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("git.url");
    }

    @Test
    void aConfigurationWithoutTheApiTokenHashIsReported() throws Exception {
        String withoutApi = COMPLETE.replace(
                "api:\n  tokenSha256:\n    - 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n", "");
        assertThat(check(write(withoutApi))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("api.tokenSha256");
        assertThat(check(write(COMPLETE.replace("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "not-a-hash")))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("  * api.tokenSha256[0] must be the SHA-256 of a "
                + "bearer token in hex (64 digits 0-9a-f), as printed by printf %s \"$TOKEN\" | sha256sum, not the "
                + "token itself\n").doesNotContain("<list element>");
    }

    @Test
    void eventsEnabledWithoutTheirQueuesIsReported() throws Exception {
        assertThat(check(write(COMPLETE + "events:\n  enabled: true\n"))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("  * events.enabled is true, which needs both "
                + "events.queueUrl and events.deadLetterQueueUrl: give the events queue and its dead-letter queue, or "
                + "set events.enabled to false\n").doesNotContain("queuesNamedWhenEnabled");
        assertThat(check(write(COMPLETE + "events:\n  enabled: true\n  queueUrl: " + EVENTS_QUEUE + "\n")))
                .isEqualTo(1);
    }

    @Test
    void aCompleteConfigurationWithEventsEnabledPassesTheCheck() throws Exception {
        String withEvents = COMPLETE + "events:\n  enabled: true\n  queueUrl: " + EVENTS_QUEUE
                + "\n  deadLetterQueueUrl: " + EVENTS_QUEUE + "-dlq\n  debounce: 5s\n  refreshThreads: 4\n";
        assertThat(check(write(withEvents))).as("stderr: %s", err).isZero();
    }

    @Test
    void anUnsetVariableInTheEventsQueueIsReported() throws Exception {
        String withVariable = COMPLETE + "events:\n  enabled: true\n  queueUrl: ${OFFHOURS_EVENTS_QUEUE_URL}"
                + "\n  deadLetterQueueUrl: " + EVENTS_QUEUE + "-dlq\n";
        assertThat(check(write(withVariable))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("  * events.queueUrl names the environment "
                + "variable OFFHOURS_EVENTS_QUEUE_URL (${OFFHOURS_EVENTS_QUEUE_URL}), which is not set");
    }

    @Test
    void theConvergenceSectionIsOptionalAndItsOverdueAfterChecked() throws Exception {
        assertThat(check(write(COMPLETE + "convergence:\n  overdueAfter: 15 minutes\n"))).as("stderr: %s", err)
                .isZero();
        assertThat(check(write(COMPLETE + "convergence:\n  overdueAfter: 0 seconds\n"))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("convergence.overdueAfter");
    }

    private Path write(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "config", ".yml");
        Files.writeString(file, yaml);
        return file;
    }

    private int check(Path config) {
        return run("check", config);
    }

    private int run(String command, Path config) {
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return new OffhoursApplication(Clock.systemUTC(), o, e).execute(command, config.toString());
        }
    }
}

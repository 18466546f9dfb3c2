package dev.offhours.pulumi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.pulumi.StackConfig;
import dev.offhours.reconciler.OffhoursApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The configuration file the stack generates for the ECS task passes the service's own {@code check} (with the
 * secrets' variables filled in as ECS fills them), in each combination of workers and events.
 */
class ServiceConfigFileTest {

    static final ServiceConfigFile.Endpoints ENDPOINTS = new ServiceConfigFile.Endpoints("eu-central-1",
            "https://sqs.eu-central-1.amazonaws.com/123456789012/offhours-work",
            "https://sqs.eu-central-1.amazonaws.com/123456789012/offhours-work-dlq",
            "https://sqs.eu-central-1.amazonaws.com/123456789012/offhours-events",
            "https://sqs.eu-central-1.amazonaws.com/123456789012/offhours-events-dlq");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "workerMode {0}, events {1}, webhook {2}")
    @CsvSource({"service, true, true", "lambda, true, false", "service, false, false"})
    void theGeneratedFilePassesTheServicesCheck(String workerMode, String events, boolean webhook) throws Exception {
        Map<String, String> config = HubFixtures.ecsConfig();
        config.put("workerMode", workerMode);
        config.put("externalId", "only-for-the-lambda-worker");
        config.put("serviceEventsEnabled", events);
        if (webhook) {
            config.put("serviceWebhookSecretSecret", "arn:aws:ssm:eu-central-1:123456789012:parameter/offhours/hook");
        }
        HubSettings settings = HubSettings.from(StackConfig.ofMap(config));
        String yaml = ServiceConfigFile.yaml(settings, settings.service().orElseThrow(), ENDPOINTS)
                .replace("${" + ServiceConfigFile.EXTERNAL_ID_VARIABLE + "}", "an-external-id")
                .replace("${" + ServiceConfigFile.GIT_TOKEN_VARIABLE + "}", "a-git-token")
                .replace("${" + ServiceConfigFile.WEBHOOK_SECRET_VARIABLE + "}", "a-webhook-secret")
                .replace("${" + ServiceConfigFile.API_TOKEN_VARIABLE + "}",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(yaml).doesNotContain("${");
        Path file = Files.writeString(dir.resolve("config.yml"), yaml);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = new OffhoursApplication(Clock.systemUTC(), o, e).execute("check", file.toString());
        }
        assertThat(exitCode).as("check of\n%s\nsaid: %s %s", yaml, out, err).isZero();
        assertThat(yaml).as("the alarms get their metrics, the hub bus its events")
                .contains("notifications:\n  metrics: true\n  eventBusName: offhours-hub\n");
    }

    @Test
    void theServiceSubstitutesEachSecretsVariableWhichEcsSets() throws Exception {
        Map<String, String> config = HubFixtures.ecsConfig();
        config.put("serviceWebhookSecretSecret", "arn:aws:ssm:eu-central-1:123456789012:parameter/offhours/hook");
        HubSettings settings = HubSettings.from(StackConfig.ofMap(config));
        Path file = Files.writeString(dir.resolve("raw.yml"),
                ServiceConfigFile.yaml(settings, settings.service().orElseThrow(), ENDPOINTS));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = new OffhoursApplication(Clock.systemUTC(), o, e).execute("check", file.toString());
        }
        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "aws.externalId names the environment variable OFFHOURS_EXTERNAL_ID",
                "api.tokenSha256[0] names the environment variable OFFHOURS_API_TOKEN_SHA256",
                "git.token names the environment variable OFFHOURS_GIT_TOKEN",
                "git.webhookSecret names the environment variable OFFHOURS_WEBHOOK_SECRET");
    }
}

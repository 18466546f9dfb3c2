package dev.offhours.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offhours.reconciler.git.TestGitRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small places where the template's README and the tool used to disagree, checked as a user meets them. */
class DocsMatchTheToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void unquotedTimesAndAccountIdsAreReadAsWrittenAsTheReadmeSays() throws IOException {
        ValidateCommandTest.copyTree(CliRun.TEMPLATE, temp);
        replace("schedules/payments/payments-dev.yaml", "from: \"07:30\"", "from: 07:30");
        String accounts = Files.readString(temp.resolve("accounts.yaml"));
        Files.writeString(temp.resolve("accounts.yaml"), accounts.replaceAll("id: \"(\\d{12})\"", "id: $1"));

        CliRun validate = CliRun.run("validate", temp.toString());
        CliRun describe = CliRun.run("describe", "payments-dev", "--repo", temp.toString(), "--from", "2026-03-27",
                "--to", "2026-03-27");

        assertThat(validate.exitCode()).isZero();
        assertThat(describe.out()).contains("AWAKE   Fri 2026-03-27 07:30 +01:00");
        assertThat(Files.readString(CliRun.TEMPLATE.resolve("README.md"))).contains("offhours\n  reads `07:30` "
                + "with or without quotes");
    }

    @Test
    void anEmptyFileIsAProblemOfTheFileNotOfLineZero() throws IOException {
        ValidateCommandTest.copyTree(CliRun.TEMPLATE, temp);
        Files.writeString(temp.resolve("schedules/payments/empty.yaml"), "");

        CliRun run = CliRun.run("validate", temp.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines().get(0)).isEqualTo("schedules/payments/empty.yaml: the file is empty; it must hold "
                + "one YAML document starting with 'apiVersion: offhours.dev/v1'");
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() throws IOException {
        ValidateCommandTest.copyTree(CliRun.TEMPLATE, temp);
        replace("schedules/payments/payments-dev.yaml", "from: \"07:30\"", "from: \"07:30");

        CliRun run = CliRun.run("validate", temp.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines().get(0)).isEqualTo("schedules/payments/payments-dev.yaml:14:13: this quote is not "
                + "closed: add the closing quote at the end of the value, e.g. from: \"07:30\"");
        assertThat(run.out()).doesNotContain("<block end>");
    }

    @Test
    void aQuotedValueOverSeveralLinesIsNotMistakenForAnUnclosedQuote() throws IOException {
        ValidateCommandTest.copyTree(CliRun.TEMPLATE, temp);
        Path file = temp.resolve("schedules/payments/payments-dev.yaml");
        String content = Files.readString(file);
        Files.writeString(file, content.replaceFirst("(?m)^  description: .*$", "  description: \"two\n    lines\"")
                + "  - stray\n");

        CliRun run = CliRun.run("validate", temp.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("YAML syntax error").doesNotContain("quote is not closed");
    }

    @Test
    void planJsonGivesProblemsWithPathLineColumnAndMessage() throws Exception {
        try (TestGitRepository repo = TestGitRepository.init(temp)) {
            repo.copyFromTemplate("accounts.yaml").copyTemplate("calendars")
                    .copyFromTemplate("schedules/payments/payments-dev.yaml").commit("base");
            repo.replace("schedules/payments/payments-dev.yaml", "days: Mon-Fri", "days: Mon-Fry").commit("typo");
        }

        CliRun run = CliRun.run("plan", "--repo", temp.toString(), "--base", "main~1", "--head", "main",
                "--format", "json", "--now", "2026-03-27T11:00:00Z");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode problem = JSON.readTree(run.out()).get("head").get("problems").get(0);
        assertThat(problem.get("path").asText()).isEqualTo("schedules/payments/payments-dev.yaml");
        assertThat(problem.get("line").asInt()).isEqualTo(13);
        assertThat(problem.get("column").asInt()).isPositive();
        assertThat(problem.get("message").asText()).startsWith("spec.awake[0].days 'Mon-Fry' is not valid");
    }

    @Test
    void theTemplateSaysWhatOptingOutOfASleepingResourceDoes() throws IOException {
        String readme = Files.readString(CliRun.TEMPLATE.resolve("README.md")).replaceAll("\\s+", " ");

        assertThat(readme).contains("Remove the `offhours.dev/schedule` tag **while the resource is awake**",
                "**stays asleep**", "`GET /v1/orphans`", "scale it back by hand");
    }

    private void replace(String path, String from, String to) throws IOException {
        Path file = temp.resolve(path);
        String content = Files.readString(file);
        assertThat(content).contains(from);
        Files.writeString(file, content.replace(from, to));
    }
}

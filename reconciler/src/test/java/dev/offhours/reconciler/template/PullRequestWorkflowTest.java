package dev.offhours.reconciler.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedules repository's pull-request check runs only what it pinned: actions by commit, the jar by checksum. */
class PullRequestWorkflowTest {

    private static final Path WORKFLOW = Path.of("..", "schedules-repo-template", ".github", "workflows",
            "offhours.yml");

    @TempDir
    Path temp;

    private static JsonNode workflow() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
    }

    @Test
    void everyActionIsPinnedByCommitWithItsTagInAComment() throws IOException {
        List<String> uses = new ArrayList<>();
        workflow().at("/jobs/validate-and-plan/steps").forEach(step -> {
            if (step.has("uses")) {
                uses.add(step.get("uses").asText());
            }
        });
        assertThat(uses).hasSize(3).allSatisfy(use -> assertThat(use).matches("[\\w-]+/[\\w-]+@[0-9a-f]{40}"));
        for (String line : Files.readAllLines(WORKFLOW)) {
            if (line.strip().startsWith("uses:") || line.strip().startsWith("- uses:")) {
                assertThat(line).as("the tag a pin was taken from").matches(".*@[0-9a-f]{40} # v\\d+(\\.\\d+)*");
            }
        }
    }

    @Test
    void theJarRunsOnlyWithAMatchingChecksumAndAnImageOnlyByDigest() throws Exception {
        Path jar = Files.writeString(temp.resolve("offhours.jar"), "not really a jar");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(jar)));
        String url = jar.toUri().toString();

        Result unchecked = getOffhours(Map.of("OFFHOURS_JAR_URL", url));
        assertThat(unchecked.exitCode()).isNotZero();
        assertThat(unchecked.output()).contains("OFFHOURS_JAR_SHA256");
        assertThat(temp.resolve("runner/offhours.jar")).as("nothing downloaded").doesNotExist();

        assertThat(getOffhours(Map.of("OFFHOURS_JAR_URL", url, "OFFHOURS_JAR_SHA256", "0".repeat(64))).exitCode())
                .as("a wrong checksum").isNotZero();
        assertThat(temp.resolve("runner/offhours")).doesNotExist();

        Result checked = getOffhours(Map.of("OFFHOURS_JAR_URL", url, "OFFHOURS_JAR_SHA256", sha));
        assertThat(checked.exitCode()).as(checked.output()).isZero();
        assertThat(temp.resolve("runner/offhours")).exists();

        Result byTag = getOffhours(Map.of("OFFHOURS_IMAGE", "ghcr.io/acme/offhours:0.1.0"));
        assertThat(byTag.exitCode()).isNotZero();
        assertThat(byTag.output()).contains("by digest");
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs the workflow's "Get offhours" step with bash, as the runner would, with these repository variables. */
    private Result getOffhours(Map<String, String> variables) throws Exception {
        String script = null;
        for (JsonNode step : workflow().at("/jobs/validate-and-plan/steps")) {
            if (step.path("name").asText().equals("Get offhours")) {
                script = step.get("run").asText();
            }
        }
        assertThat(script).isNotNull();
        Path runner = Files.createDirectories(temp.resolve("runner"));
        ProcessBuilder bash = new ProcessBuilder("bash", "-e", "-c", script).redirectErrorStream(true)
                .directory(temp.toFile());
        bash.environment().keySet().removeIf(name -> name.startsWith("OFFHOURS_"));
        bash.environment().put("RUNNER_TEMP", runner.toString());
        bash.environment().put("GITHUB_PATH", temp.resolve("github-path").toString());
        bash.environment().putAll(variables);
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}

package dev.offhours.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as a user runs it: right output on stdout, nothing else, failures without stack traces. */
class OffhoursJarIT {

    private static final Path JAR = Path.of("target", "offhours.jar");

    private record Result(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR).as("run `./mvnw -pl reconciler -am verify` so that package builds the jar first").exists();
    }

    @Test
    void validatePrintsOnlyItsSummary() throws Exception {
        Result result = run("validate", "../schedules-repo-template");

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("valid: 6 schedules, 2 calendars, 6 accounts (../schedules-repo-template)\n");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void aUsageErrorIsOneLineOnStandardErrorAndExitCodeTwo() throws Exception {
        Result result = run("describe", "nope", "--repo", "../schedules-repo-template", "--from", "2026-03-27",
                "--to", "2026-03-27");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("offhours describe: no schedule named 'nope'");
    }

    @Test
    void exitCodesTellInvalidSchedulesFromAMisconfiguredCheck(@TempDir Path temp) throws Exception {
        Result subfolder = run("validate", "../schedules-repo-template/schedules");
        Result none = run();
        Result unknownFlag = run("validate", "--strict", "../schedules-repo-template");
        Files.createDirectories(temp.resolve("schedules/t"));
        Files.copy(Path.of("../schedules-repo-template/accounts.yaml"), temp.resolve("accounts.yaml"));
        Files.writeString(temp.resolve("schedules/t/broken.yaml"), "apiVersion: offhours.dev/v1\n");
        Result invalid = run("validate", temp.toString());

        assertThat(subfolder.exitCode()).isEqualTo(2);
        assertThat(subfolder.out()).isEmpty();
        assertThat(subfolder.err()).startsWith("offhours validate: ../schedules-repo-template/schedules is not a "
                + "schedules repository: expected accounts.yaml and a schedules/ folder in it");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("usage: java -jar offhours.jar");
        assertThat(unknownFlag.exitCode()).isEqualTo(2);
        assertThat(unknownFlag.err()).startsWith("unrecognized arguments: '--strict'");
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.out()).contains("schedules/t/broken.yaml:").endsWith("(" + temp + ")\n");
    }

    @Test
    void theVersionIsTheBuilds() throws Exception {
        Result result = run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("offhours \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @Test
    void anUnreachableHubNamesTheCauseAndExitsThree() throws Exception {
        Result result = run("status", "--hub-url", "http://127.0.0.1:1", "--token-env", "PATH");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("offhours status: cannot reach the hub at http://127.0.0.1:1/: connection "
                + "refused at 127.0.0.1:1; nothing listens there: is the hub running, and is the port in --hub-url "
                + "its application port?\n");
    }

    private static Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile("offhours-out", ".txt");
        Path err = Files.createTempFile("offhours-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("offhours " + String.join(" ", arguments) + " did not end within 60 s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

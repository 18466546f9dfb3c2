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
    void aFailureIsOneLineOnStandardErrorAndExitCodeOne() throws Exception {
        Result result = run("describe", "nope", "--repo", "../schedules-repo-template", "--from", "2026-03-27",
                "--to", "2026-03-27");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("offhours describe: no schedule named 'nope'");
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

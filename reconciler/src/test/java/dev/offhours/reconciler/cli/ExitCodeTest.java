package dev.offhours.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Exit codes a CI job can tell apart: 0 valid, 1 invalid input, 2 the command line is wrong, 3 the hub. */
class ExitCodeTest {

    @Test
    void noArgumentsPrintsTheUsageOnStandardErrorAndExitsTwo() {
        CliRun run = CliRun.run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("usage: ");
    }

    @Test
    void helpIsASuccessAndListsEveryCommandWithOneLine() {
        CliRun run = CliRun.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("server Run the hub service with a configuration file",
                "check Check a service configuration file without starting anything",
                "validate Check every schedule",
                "describe Show when one schedule is awake and asleep", "plan Show what a change (base..head)",
                "status Summarise a running hub");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "validate --bogus ../schedules-repo-template | unrecognized arguments: '--bogus'",
        "describe payments-dev --repo ../schedules-repo-template --from 2026-03-27 | argument --to is required",
        "describe payments-dev --repo ../schedules-repo-template --from 2026-03-27 --to 2026-03-27 --format yaml"
                + " | argument --format: invalid choice: 'yaml'",
        "plan --repo . --base main --head main --format yaml | argument --format: invalid choice: 'yaml'",
        "nosuch | invalid choice: 'nosuch'",
        "check | too few arguments",
        "status | argument --hub-url is required",
    })
    void usageErrorsExitTwoWithTheUsage(String arguments, String message) {
        CliRun run = CliRun.run(arguments.split(" "));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(message).contains("usage: ").doesNotContain("Exception");
    }

    @Test
    void eachCommandsHelpEndsWithTheExitCodes() {
        for (String command : new String[] {"server", "check", "validate", "describe", "plan", "status"}) {
            CliRun run = CliRun.run(command, "--help");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out().replaceAll("\\s+", " ")).as(command).contains("exit codes: 0 success, 1 invalid "
                    + "input, 2 usage error, 3 hub unavailable, 4 other failure");
        }
    }

    @Test
    void theVersionComesFromTheBuildNotADropwizardHint() {
        CliRun run = CliRun.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("offhours ").doesNotContain("No application version detected");
    }
}

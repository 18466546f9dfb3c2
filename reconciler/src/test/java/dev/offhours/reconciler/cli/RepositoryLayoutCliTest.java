package dev.offhours.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.reconciler.git.TestGitRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check pointed at the wrong folder must fail, never report "valid: 0 schedules": a pull-request check that
 * validates nothing would stay green forever.
 */
class RepositoryLayoutCliTest {

    @TempDir
    Path temp;

    @Test
    void theSchedulesSubfolderIsAUsageErrorThatNamesTheRepositoryRoot() {
        CliRun run = CliRun.run("validate", CliRun.TEMPLATE.resolve("schedules").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("offhours validate: ../schedules-repo-template/schedules is not a schedules "
                + "repository: expected accounts.yaml and a schedules/ folder in it, found neither. It is inside the "
                + "schedules repository " + CliRun.TEMPLATE.toAbsolutePath().normalize() + ": give that folder, its "
                + "root.\n");
    }

    @Test
    void anUnrelatedFolderIsAUsageError() throws Exception {
        Files.writeString(temp.resolve("notes.yaml"), "a: 1\n");

        CliRun run = CliRun.run("validate", temp.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("offhours validate: " + temp + " is not a schedules repository: expected "
                + "accounts.yaml and a schedules/ folder in it, found neither.");
    }

    @Test
    void aRepositoryWithoutAccountsYamlIsInvalidAndSaysWhatIsMissingWhere() throws Exception {
        ValidateCommandTest.copyTree(CliRun.TEMPLATE, temp);
        Files.delete(temp.resolve("accounts.yaml"));

        CliRun run = CliRun.run("validate", temp.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines().get(0)).isEqualTo("accounts.yaml: missing: a schedules repository has "
                + "accounts.yaml at its root, the registry of the AWS accounts that schedules name in "
                + "spec.scope.accounts (copy the one of schedules-repo-template and list your accounts).");
        assertThat(run.outLines()).noneMatch(line -> line.startsWith("valid: "));
    }

    @Test
    void aRepositoryWithoutSchedulesIsInvalid() throws Exception {
        Files.copy(CliRun.TEMPLATE.resolve("accounts.yaml"), temp.resolve("accounts.yaml"));

        CliRun run = CliRun.run("validate", temp.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly("schedules/: missing: schedules live in "
                + "schedules/<team>/<name>.yaml at the repository root, and there is no schedules/ folder.",
                "invalid: 1 problem in 1 file (" + temp + ")");
    }

    @Test
    void describeOfTheSubfolderIsTheSameUsageError() {
        CliRun run = CliRun.run("describe", "payments-dev", "--repo", CliRun.TEMPLATE.resolve("schedules").toString(),
                "--from", "2026-03-27", "--to", "2026-03-27");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is not a schedules repository");
    }

    @Test
    void planWithAPathThatHoldsNoSchedulesRepositoryIsAUsageError() throws Exception {
        try (TestGitRepository repo = TestGitRepository.init(temp)) {
            repo.copyFromTemplate("accounts.yaml").copyFromTemplate("schedules/payments/payments-dev.yaml")
                    .copyTemplate("calendars").commit("schedules");
        }

        CliRun run = CliRun.run("plan", "--repo", temp.toString(), "--base", "main", "--head", "main",
                "--path", "nosuch", "--now", "2026-03-27T11:00:00Z");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("offhours plan: 'nosuch' of main (").contains(" is not a schedules "
                + "repository: expected accounts.yaml and schedules/<team>/<name>.yaml there, found neither. --path "
                + "names the folder of the Git repository that holds them (leave it out for the root).");
    }
}

package dev.offhours.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidateCommandTest {

    @TempDir
    Path temp;

    @Test
    void theTemplateRepositoryIsValidAndSummarisedOnOneLine() {
        CliRun run = CliRun.run("validate", CliRun.TEMPLATE.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("valid: 6 schedules, 2 calendars, 6 accounts (../schedules-repo-template)\n");
        assertThat(run.exitCode()).isZero();
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(CliRun.TEMPLATE.resolve("schedules"))) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yaml).as("schedule examples in the template").hasSizeGreaterThanOrEqualTo(5);
            return yaml.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleIsValidOnItsOwnWithTheCalendarsAndAccounts(Path example) throws IOException {
        copy(CliRun.TEMPLATE.resolve("accounts.yaml"), temp.resolve("accounts.yaml"));
        copyTree(CliRun.TEMPLATE.resolve("calendars"), temp.resolve("calendars"));
        Path relative = CliRun.TEMPLATE.relativize(example);
        copy(example, temp.resolve(relative));

        CliRun run = CliRun.run("validate", temp.toString());

        assertThat(run.out()).startsWith("valid: 1 schedule, 2 calendars, 6 accounts");
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllLines(example).get(0))
                .isEqualTo("# yaml-language-server: $schema=../../schema/schedule.schema.json");
    }

    @Test
    void aSymbolicLinkIsNotFollowedButReportedWithItsFile() throws IOException {
        copyTree(CliRun.TEMPLATE, temp);
        Files.createDirectories(temp.resolve(".git"));
        Files.writeString(temp.resolve(".git/config"), "[remote \"origin\"]\n\turl = https://token@example.com\n");
        Files.createSymbolicLink(temp.resolve("schedules/payments/x.yaml"), Path.of("../../.git/config"));
        Files.createSymbolicLink(temp.resolve("schedules/linked"), temp.resolve("schedules/payments").toAbsolutePath());

        CliRun run = CliRun.run("validate", temp.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("token@example.com").doesNotContain("remote");
        assertThat(run.outLines()).contains(
                "schedules/linked: " + dev.offhours.reconciler.repository.RepositoryPaths.SYMLINK_REFUSAL,
                "schedules/payments/x.yaml: " + dev.offhours.reconciler.repository.RepositoryPaths.SYMLINK_REFUSAL);
    }

    @Test
    void aFileAboveTheSizeLimitIsReportedUnread() throws IOException {
        copyTree(CliRun.TEMPLATE, temp);
        Files.writeString(temp.resolve("calendars/huge.yaml"), "#".repeat((1 << 20) + 1));

        CliRun run = CliRun.run("validate", temp.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).contains("calendars/huge.yaml: is 1048577 bytes; schedule, calendar and "
                + "account files must be at most 1048576 bytes");
    }

    @Test
    void aBrokenRepositoryExitsOneAndListsEveryProblemWithFileLineAndColumn() throws IOException {
        copyTree(CliRun.TEMPLATE, temp);
        replace("schedules/payments/payments-dev.yaml", "timeZone: Europe/Berlin", "timeZone: Europe/Berlni");
        replace("schedules/support/support-late-shift.yaml", "    accounts: [dev-support]",
                "    accounts: [dev-suport]");

        CliRun run = CliRun.run("validate", temp.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).hasSize(3);
        assertThat(run.outLines().get(0)).matches(
                "schedules/payments/payments-dev\\.yaml:11:13: spec\\.timeZone 'Europe/Berlni' is not a valid time "
                        + "zone.*");
        assertThat(run.outLines().get(1)).matches(
                "schedules/support/support-late-shift\\.yaml:17:16: .*dev-suport.*");
        assertThat(run.outLines().get(2)).isEqualTo("invalid: 2 problems in 2 files (" + temp + ")");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aMissingDirectoryIsOneClearLineWithoutAStackTrace() {
        CliRun run = CliRun.run("validate", temp.resolve("nothing-here").toString());

        assertThat(run.exitCode()).as("a usage error").isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("offhours validate: " + temp.resolve("nothing-here")
                + " is not a directory; give the root of a schedules repository (the folder that holds schedules/,"
                + " calendars/ and accounts.yaml).\n");
    }

    @Test
    void aMissingArgumentPrintsTheUsageAndExitsTwo() {
        CliRun run = CliRun.run("validate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("usage:").contains("DIR");
        assertThat(run.err()).doesNotContain("Exception");
    }

    private void replace(String path, String from, String to) throws IOException {
        Path file = temp.resolve(path);
        String content = Files.readString(file);
        assertThat(content).contains(from);
        Files.writeString(file, content.replace(from, to));
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }
}

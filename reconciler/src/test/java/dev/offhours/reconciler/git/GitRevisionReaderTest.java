package dev.offhours.reconciler.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offhours.core.source.SourceFile;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRevisionReaderTest {

    @TempDir
    Path temp;

    private final GitRevisionReader reader = new GitRevisionReader();

    @Test
    void readsTheRelevantFilesOfACommitWithoutCheckingItOut() throws Exception {
        try (TestGitRepository repo = TestGitRepository.init(temp)) {
            repo.copyFromTemplate("accounts.yaml").copyTemplate("calendars")
                    .copyFromTemplate("schedules/payments/payments-dev.yaml")
                    .write("README.md", "# schedules\n").write(".github/workflows/offhours.yml", "on: pull_request\n");
            RevCommit first = repo.commit("first");
            repo.replace("schedules/payments/payments-dev.yaml", "\"19:00\"", "\"20:00\"").commit("later");
            // the working tree changes after the commit; the reader must not see it
            repo.write("schedules/payments/uncommitted.yaml", "not: committed\n");

            GitRevision revision = reader.read(temp, first.name());

            assertThat(revision.files()).extracting(SourceFile::path).containsExactly("accounts.yaml",
                    "calendars/company.yaml", "calendars/de-by.yaml", "schedules/payments/payments-dev.yaml");
            assertThat(revision.files().get(3).content()).contains("to: \"19:00\"");
            assertThat(revision.commitId()).isEqualTo(first.name());
            assertThat(revision.refName()).isEmpty();
            assertThat(revision.label()).isEqualTo("sha1:" + first.name());
        }
    }

    @Test
    void aCommittedSymbolicLinkIsReportedNotFollowed() throws Exception {
        try (TestGitRepository repo = TestGitRepository.init(temp)) {
            repo.copyFromTemplate("accounts.yaml");
            java.nio.file.Files.createDirectories(temp.resolve("schedules/payments"));
            java.nio.file.Files.createSymbolicLink(temp.resolve("schedules/payments/x.yaml"),
                    Path.of("../../.git/config"));
            RevCommit commit = repo.commit("a link");

            GitRevision revision = reader.read(temp, commit.name());

            assertThat(revision.files()).filteredOn(f -> f.path().equals("schedules/payments/x.yaml"))
                    .singleElement().satisfies(f -> {
                        assertThat(f.refusal()).contains("symbolic link");
                        assertThat(f.content()).isEmpty();
                    });
        }
    }

    @Test
    void aRevisionAboveTheLimitsIsRefusedAsAWholeWithoutReadingOn() throws Exception {
        try (TestGitRepository repo = TestGitRepository.init(temp)) {
            repo.copyFromTemplate("accounts.yaml").copyTemplate("calendars")
                    .write("schedules/a/big.yaml", "#".repeat((1 << 20) + 1));
            RevCommit commit = repo.commit("three calendars and accounts, one file too large");

            assertThat(new GitRevisionReader(new GitRevisionReader.Limits(2, 1 << 20, 100))
                    .read(temp, commit.name()).files()).singleElement().satisfies(f -> {
                        assertThat(f.path()).isEqualTo(".");
                        assertThat(f.refusal()).startsWith("the revision holds more than 2 schedule, calendar and "
                                + "account files; it is refused unread (the last valid revision keeps running)");
                    });
            assertThat(new GitRevisionReader(new GitRevisionReader.Limits(100, 100, 100))
                    .read(temp, commit.name()).files()).singleElement()
                    .satisfies(f -> assertThat(f.refusal()).contains("more than 100 bytes"));
            assertThat(new GitRevisionReader(new GitRevisionReader.Limits(100, 1 << 20, 3))
                    .read(temp, commit.name()).files()).singleElement()
                    .satisfies(f -> assertThat(f.refusal()).contains("more than 3 files in its tree"));
            assertThat(reader.read(temp, commit.name()).files())
                    .filteredOn(f -> f.path().equals("schedules/a/big.yaml")).singleElement()
                    .satisfies(f -> assertThat(f.refusal()).isEqualTo("is 1048577 bytes; schedule, calendar and "
                            + "account files must be at most 1048576 bytes"));
        }
    }

    @Test
    void labelsBranchesAndTagsTheWayTheReconcilerReportsRevisions() throws Exception {
        try (TestGitRepository repo = TestGitRepository.init(temp)) {
            RevCommit commit = repo.copyFromTemplate("accounts.yaml").commit("accounts");
            repo.tag("v1").remoteBranch("origin", "main", commit).remoteBranch("upstream", "release/2026", commit);

            assertThat(reader.read(temp, "main").label()).isEqualTo("main@sha1:" + commit.name());
            assertThat(reader.read(temp, "refs/heads/main").refName()).contains("main");
            assertThat(reader.read(temp, "HEAD").refName()).contains("main");
            assertThat(reader.read(temp, "origin/main").label()).isEqualTo("main@sha1:" + commit.name());
            assertThat(reader.read(temp, "upstream/release/2026").refName()).contains("release/2026");
            assertThat(reader.read(temp, "v1").label()).isEqualTo("v1@sha1:" + commit.name());
            assertThat(reader.read(temp, commit.name().substring(0, 10)).refName()).isEqualTo(Optional.empty());
        }
    }

    @Test
    void readsASubdirectoryAsTheRepositoryRoot() throws Exception {
        try (TestGitRepository repo = TestGitRepository.init(temp)) {
            repo.write("ops/schedules-repo/accounts.yaml", "x: 1\n").write("accounts.yaml", "y: 2\n").commit("c");

            GitRevision revision = reader.read(temp, "main", "ops/schedules-repo/");

            assertThat(revision.files()).containsExactly(new SourceFile("accounts.yaml", "x: 1\n"));
        }
    }

    @Test
    void anUnknownRefOrAFolderThatIsNoRepositoryIsExplained() throws Exception {
        try (TestGitRepository repo = TestGitRepository.init(temp.resolve("repo"))) {
            repo.copyFromTemplate("accounts.yaml").commit("accounts");

            assertThatThrownBy(() -> reader.read(temp.resolve("repo"), "origin/main"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("'origin/main' names no commit of ")
                    .hasMessageContaining("fetch-depth: 0");
            assertThatThrownBy(() -> reader.read(temp, "main"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(temp + " is not a Git repository (no .git folder and not a bare repository); clone "
                            + "the schedules repository first.");
        }
    }
}

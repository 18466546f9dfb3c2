package dev.offhours.reconciler.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.offhours.reconciler.git.GitSourceException.Reason;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSourceTest {

    private static final Instant NOW = Instant.parse("2026-03-23T07:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private GitSourceConfig config(String url) {
        return new GitSourceConfig().url(url).localDirectory(dir.resolve("clone.git"));
    }

    @Test
    void fetchesTheBranchTipIntoABareCloneAndLabelsIt() throws Exception {
        try (TestGitRepository origin = TestGitRepository.init(dir.resolve("origin"));
                GitSource source = new GitSource(config(origin.dir().toUri().toString()), clock)) {
            origin.copyTemplate("schedules");
            RevCommit commit = origin.commit("schedules");

            FetchedHead head = source.fetch();
            GitRevision revision = source.read(head.commitId());

            assertThat(head).isEqualTo(new FetchedHead("main", commit.name(), NOW));
            assertThat(head.label()).isEqualTo("main@sha1:" + commit.name());
            assertThat(revision.label()).isEqualTo(head.label());
            assertThat(revision.files()).extracting(f -> f.path()).contains("schedules/payments/payments-dev.yaml");
            assertThat(dir.resolve("clone.git").resolve("objects")).isDirectory();
            assertThat(dir.resolve("clone.git").resolve(".git")).doesNotExist();
        }
    }

    @Test
    void aRestartReusesTheLocalCloneAndSeesNewCommits() throws Exception {
        try (TestGitRepository origin = TestGitRepository.init(dir.resolve("origin"))) {
            origin.copyTemplate("schedules");
            origin.commit("first");
            try (GitSource first = new GitSource(config(origin.dir().toString()), clock)) {
                first.fetch();
            }
            origin.delete("schedules/payments/payments-dev.yaml");
            RevCommit second = origin.commit("second");
            try (GitSource restarted = new GitSource(config(origin.dir().toString()), clock)) {
                assertThat(restarted.fetch().commitId()).isEqualTo(second.name());
            }
        }
    }

    @Test
    void aMissingBranchIsNotFoundAndRetryable() throws Exception {
        try (TestGitRepository origin = TestGitRepository.init(dir.resolve("origin"));
                GitSource source = new GitSource(config(origin.dir().toString()).branch("release"), clock)) {
            origin.copyTemplate("schedules");
            origin.commit("only main");

            GitSourceException e = catchThrowableOfType(GitSourceException.class, source::fetch);

            assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("release");
        }
    }

    @Test
    void anUnknownUrlSchemeIsAConfigurationError() {
        try (GitSource source = new GitSource(config("gopher://example.com/schedules.git"), clock)) {
            GitSourceException e = catchThrowableOfType(GitSourceException.class, source::fetch);

            assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
            assertThat(e.retryable()).isFalse();
        }
    }

    @Test
    void anUnreadableSshKeyIsAConfigurationErrorBeforeAnyConnection() {
        GitSourceConfig config = config("ssh://git@127.0.0.1:1/org/schedules.git")
                .sshPrivateKeyFile(dir.resolve("missing_key"));
        try (GitSource source = new GitSource(config, clock)) {
            GitSourceException e = catchThrowableOfType(GitSourceException.class, source::fetch);

            assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
            assertThat(e.getMessage()).contains("missing_key", "sshPrivateKeyFile");
        }
    }

    @Test
    void anUnreachableSshHostIsARetryableNetworkErrorThatShowsNoKeyMaterial() throws IOException {
        Path key = Files.writeString(dir.resolve("id_ed25519"),
                "-----BEGIN OPENSSH PRIVATE KEY-----\nS3CR3TKEYMATERIAL\n-----END OPENSSH PRIVATE KEY-----\n");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GitSourceConfig config = config("ssh://git@127.0.0.1:" + closedPort + "/org/schedules.git")
                .sshPrivateKeyFile(key).sshKnownHostsFile(dir.resolve("known_hosts"));
        try (GitSource source = new GitSource(config, clock)) {
            GitSourceException e = catchThrowableOfType(GitSourceException.class, source::fetch);

            assertThat(e.reason()).isEqualTo(Reason.NETWORK);
            assertThat(e.retryable()).isTrue();
            assertThat(SecretLeaks.texts(e)).noneMatch(text -> text.contains("S3CR3TKEYMATERIAL"));
        }
        assertThat(dir.resolve("clone.git.ssh").resolve("config")).content()
                .contains("StrictHostKeyChecking yes", "IdentityFile");
    }
}

package dev.offhours.reconciler.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A real Git repository in a temporary folder, written through JGit. Commits have a fixed author and time, so
 * their ids are the same on every run.
 */
public final class TestGitRepository implements AutoCloseable {

    public static final Path TEMPLATE = Path.of("..", "schedules-repo-template");

    private final Git git;
    private final Path dir;
    private long seconds = Instant.parse("2026-03-20T09:00:00Z").getEpochSecond();

    private TestGitRepository(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    public static TestGitRepository init(Path dir) throws GitAPIException {
        return new TestGitRepository(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    }

    public Path dir() {
        return dir;
    }

    /** Copies a file of the schedules repository template to the same path here. */
    public TestGitRepository copyFromTemplate(String path) throws IOException {
        return write(path, Files.readString(TEMPLATE.resolve(path)));
    }

    public TestGitRepository copyTemplate(String folder) throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATE.resolve(folder))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                copyFromTemplate(TEMPLATE.relativize(file).toString().replace('\\', '/'));
            }
        }
        return this;
    }

    public TestGitRepository write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return this;
    }

    public TestGitRepository replace(String path, String from, String to) throws IOException {
        String content = Files.readString(dir.resolve(path));
        if (!content.contains(from)) {
            throw new IllegalArgumentException(path + " does not contain " + from);
        }
        return write(path, content.replace(from, to));
    }

    public TestGitRepository delete(String path) throws IOException {
        Files.delete(dir.resolve(path));
        return this;
    }

    /** Stages everything (additions, changes, deletions) and commits it. */
    public RevCommit commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent("Schedules Test", "test@example.com", Instant.ofEpochSecond(seconds),
                ZoneOffset.UTC);
        seconds += 60;
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    public TestGitRepository branch(String name) throws GitAPIException {
        git.checkout().setCreateBranch(true).setName(name).call();
        return this;
    }

    public TestGitRepository tag(String name) throws GitAPIException {
        git.tag().setName(name).setAnnotated(false).call();
        return this;
    }

    /** Points {@code refs/remotes/<remote>/<branch>} at a commit, as a fetch would. */
    public TestGitRepository remoteBranch(String remote, String branch, RevCommit commit) throws IOException {
        RefUpdate update = git.getRepository().updateRef(Constants.R_REMOTES + remote + "/" + branch);
        update.setNewObjectId(commit);
        update.forceUpdate();
        return this;
    }

    @Override
    public void close() {
        git.close();
    }
}

package dev.offhours.reconciler.git;

import dev.offhours.reconciler.git.GitSourceException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * The schedules repository as the reconciler sees it: a bare clone in {@link GitSourceConfig#localDirectory()},
 * created by the first {@link #fetch()} and kept across restarts, then brought up to date by each later fetch of the
 * tracked branch. A fetch only moves a ref; reading a commit's files is a separate, counted step
 * ({@link #read(String)}) so a fetch that finds the same commit costs no parsing. Thread-safe.
 */
public final class GitSource implements AutoCloseable {

    private static final String REMOTE = "origin";

    private final GitSourceConfig config;
    private final Clock clock;
    private final GitRevisionReader reader = new GitRevisionReader();
    private final GitTransport transport;
    private final Redaction redaction;
    private final AtomicLong revisionsRead = new AtomicLong();

    public GitSource(GitSourceConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.transport = new GitTransport(config);
        List<String> secrets = new ArrayList<>();
        config.token().ifPresent(secrets::add);
        config.webhookSecret().ifPresent(secrets::add);
        this.redaction = new Redaction(secrets);
    }

    public String branch() {
        return config.branch();
    }

    /** The URL without credentials, for messages. */
    public String displayUrl() {
        return redaction.apply(config.url());
    }

    /**
     * Brings the local clone up to date with the tracked branch and tells where the branch points.
     *
     * @throws GitSourceException when the remote cannot be reached, refuses the credentials, or lacks the branch
     */
    public synchronized FetchedHead fetch() {
        transport.checkKeyReadable();
        try (Repository repository = openOrCreate(); Git git = new Git(repository)) {
            fetchCommand(git).call();
            Ref head = repository.exactRef(trackingRef());
            if (head == null || head.getObjectId() == null) {
                throw new GitSourceException(Reason.NOT_FOUND, "The branch '" + config.branch() + "' was not found at "
                        + displayUrl() + "; push it or set branch to an existing one.", null);
            }
            return new FetchedHead(config.branch(), head.getObjectId().name(), clock.instant());
        } catch (GitAPIException | JGitInternalException e) {
            throw failure(e);
        } catch (IOException e) {
            throw localStorage(e);
        }
    }

    /**
     * Reads the files of one commit of the local clone; the label names the tracked branch ({@code main@sha1:...}).
     *
     * @throws GitSourceException when the commit is not in the local clone or cannot be read
     */
    public GitRevision read(String commitId) {
        revisionsRead.incrementAndGet();
        try {
            GitRevision revision = reader.read(config.localDirectory(), commitId, config.subdirectory());
            return new GitRevision(revision.ref(), revision.commitId(), Optional.of(config.branch()),
                    revision.files());
        } catch (IllegalArgumentException e) {
            throw new GitSourceException(Reason.NOT_FOUND, redaction.apply(e.getMessage()), null);
        } catch (UncheckedIOException e) {
            throw localStorage(e.getCause());
        }
    }

    /** How many commits were read so far (each read parses a whole tree; an unchanged fetch reads none). */
    public long revisionsRead() {
        return revisionsRead.get();
    }

    private FetchCommand fetchCommand(Git git) {
        FetchCommand fetch = git.fetch()
                .setRemote(config.url())
                .setRefSpecs(new RefSpec("+refs/heads/" + config.branch() + ":" + trackingRef()))
                .setTagOpt(TagOpt.NO_TAGS)
                .setTimeout((int) Math.max(1, config.timeout().toSeconds()))
                .setTransportConfigCallback(transport.callback());
        transport.credentials().ifPresent(fetch::setCredentialsProvider);
        return fetch;
    }

    private String trackingRef() {
        return "refs/remotes/" + REMOTE + "/" + config.branch();
    }

    private Repository openOrCreate() throws IOException {
        Path dir = config.localDirectory();
        if (Files.isDirectory(dir.resolve("objects"))) {
            return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
        }
        Files.createDirectories(dir);
        try {
            return Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch(config.branch()).call()
                    .getRepository();
        } catch (GitAPIException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private GitSourceException failure(Exception e) {
        Reason reason = classify(e);
        String detail = redaction.apply(messages(e)).replaceAll("[.\\s]+$", "");
        String message = switch (reason) {
            case AUTHENTICATION -> "Fetching " + displayUrl() + " was refused: " + detail + ". Check that the token "
                    + "or SSH key may read the repository and that the host key is in known_hosts.";
            case NOT_FOUND -> "Fetching branch '" + config.branch() + "' of " + displayUrl() + " found nothing: "
                    + detail + ". Check url and branch.";
            case CONFIGURATION -> "Cannot fetch " + displayUrl() + ": " + detail + ". Use an https://, ssh:// or "
                    + "file:// URL or a local path.";
            default -> "Fetching " + displayUrl() + " failed: " + detail + ". It will be retried.";
        };
        return new GitSourceException(reason, message, safeCause(e));
    }

    private GitSourceException localStorage(Throwable e) {
        return new GitSourceException(Reason.LOCAL_STORAGE, "Cannot use the local clone " + config.localDirectory()
                + ": " + redaction.apply(String.valueOf(e.getMessage())) + ". Check that the folder is writable and "
                + "holds a bare Git repository, or delete it to clone again.", safeCause(e));
    }

    static Reason classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NotSupportedException) {
                return Reason.CONFIGURATION;
            }
            if (t instanceof NoRemoteRepositoryException || t instanceof InvalidRemoteException) {
                return Reason.NOT_FOUND;
            }
        }
        String text = messages(e).toLowerCase(Locale.ROOT);
        if (text.contains("not authorized") || text.contains("authentication") || text.contains("auth fail")
                || text.contains("host key") || text.contains("publickey") || text.contains("403 forbidden")
                || text.contains("no more authentication methods")) {
            return Reason.AUTHENTICATION;
        }
        if (text.contains("does not have") || text.contains("not found")) {
            return Reason.NOT_FOUND;
        }
        return Reason.NETWORK;
    }

    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 1000; t = t.getCause()) {
            if (t.getMessage() != null && !text.toString().contains(t.getMessage())) {
                text.append(text.length() == 0 ? "" : ": ").append(t.getMessage());
            }
        }
        return text.length() == 0 ? e.getClass().getSimpleName() : text.toString();
    }

    /** The original exception only when no message along its chain holds a secret (logs print causes). */
    private Throwable safeCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (redaction.reveals(t.getMessage())) {
                return null;
            }
        }
        return e;
    }

    @Override
    public void close() {
        transport.close();
    }
}

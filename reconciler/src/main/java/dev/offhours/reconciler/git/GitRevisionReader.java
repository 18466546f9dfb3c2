package dev.offhours.reconciler.git;

import dev.offhours.core.source.SourceFile;
import dev.offhours.reconciler.repository.RepositoryPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads the schedules files of one commit straight from a Git repository's object database: resolve the ref, walk
 * the commit's tree, read the blobs. No checkout, so the working tree may be anything (or absent, for a bare
 * repository).
 *
 * <p>A merged commit is not trusted to be small: a blob above {@link RepositoryPaths#MAX_FILE_BYTES} or a symbolic
 * link is refused as a problem of its file, and a revision with more than {@link #MAX_FILES} relevant files, more
 * than {@link #MAX_TOTAL_BYTES} in them, or more than {@link #MAX_TREE_ENTRIES} entries to walk is refused as a
 * whole (one problem, no more reading), so the hub keeps its last valid revision and its heap.
 */
public final class GitRevisionReader {

    static final long MAX_FILE_BYTES = RepositoryPaths.MAX_FILE_BYTES;
    /** Twice the 5,000 schedules the reconcile benchmark reads in seconds; real repositories hold hundreds. */
    static final int MAX_FILES = 10_000;
    /** Schedules are about half a kilobyte each: ten thousand of them are a few megabytes. */
    static final long MAX_TOTAL_BYTES = 32L << 20;
    /** Every entry of the tree is walked, relevant or not: bounds the time a commit of a million files takes. */
    static final int MAX_TREE_ENTRIES = 200_000;
    /** The path of a problem about the whole revision. */
    static final String WHOLE_REVISION = ".";

    /** How much of a revision is read at most. */
    record Limits(int files, long totalBytes, int treeEntries) {
        static final Limits DEFAULT = new Limits(MAX_FILES, MAX_TOTAL_BYTES, MAX_TREE_ENTRIES);
    }

    private final Limits limits;

    public GitRevisionReader() {
        this(Limits.DEFAULT);
    }

    GitRevisionReader(Limits limits) {
        this.limits = limits;
    }

    /** Reads the revision {@code ref} of the repository at {@code repositoryDir} (a work tree or a bare repository). */
    public GitRevision read(Path repositoryDir, String ref) {
        return read(repositoryDir, ref, "");
    }

    /**
     * Reads the revision {@code ref}; when {@code subdirectory} is not empty, the schedules repository is that folder
     * of the Git repository and paths are relative to it.
     */
    public GitRevision read(Path repositoryDir, String ref, String subdirectory) {
        try (Repository repository = open(repositoryDir)) {
            ObjectId commitId = resolve(repository, ref);
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(commitId);
                List<SourceFile> files = files(repository, commit, prefix(subdirectory));
                return new GitRevision(ref, commit.name(), refName(repository, ref), files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read revision '" + ref + "' of " + repositoryDir + ": "
                    + e.getMessage(), e);
        }
    }

    static Repository open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory; give the path of a Git repository.");
        }
        Path dotGit = dir.resolve(Constants.DOT_GIT);
        Path gitDir = Files.isDirectory(dotGit) ? dotGit : dir;
        if (!Files.isDirectory(gitDir.resolve("objects"))) {
            throw new IllegalArgumentException(dir + " is not a Git repository (no .git folder and not a bare "
                    + "repository); clone the schedules repository first.");
        }
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }

    private static ObjectId resolve(Repository repository, String ref) throws IOException {
        ObjectId id;
        try {
            id = repository.resolve(ref + "^{commit}");
        } catch (RevisionSyntaxException e) {
            id = null;
        }
        if (id == null) {
            throw new IllegalArgumentException("'" + ref + "' names no commit of " + repository.getDirectory()
                    + "; give a branch (main, origin/main), a tag or a commit hash, and fetch it first "
                    + "(in CI: actions/checkout with fetch-depth: 0).");
        }
        return id;
    }

    private static String prefix(String subdirectory) {
        String trimmed = subdirectory.replace('\\', '/').replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() || trimmed.equals(".") ? "" : trimmed + "/";
    }

    private List<SourceFile> files(Repository repository, RevCommit commit, String prefix) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        long bytes = 0;
        int entries = 0;
        try (TreeWalk tree = new TreeWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                if (++entries > limits.treeEntries()) {
                    return tooLarge("more than " + limits.treeEntries() + " files in its tree");
                }
                String path = tree.getPathString();
                FileMode mode = tree.getFileMode(0);
                if (!path.startsWith(prefix)) {
                    continue;
                }
                String relative = path.substring(prefix.length());
                if (mode == FileMode.SYMLINK && RepositoryPaths.isInside(relative)) {
                    files.add(SourceFile.refused(relative, RepositoryPaths.SYMLINK_REFUSAL));
                    continue;
                }
                if (!isFile(mode) || !RepositoryPaths.isRelevant(relative)) {
                    continue;
                }
                if (files.size() >= limits.files()) {
                    return tooLarge("more than " + limits.files() + " schedule, calendar and account files");
                }
                long size = reader.getObjectSize(tree.getObjectId(0), Constants.OBJ_BLOB);
                if (size > MAX_FILE_BYTES) {
                    files.add(SourceFile.refused(relative, RepositoryPaths.tooLarge(size)));
                    continue;
                }
                bytes += size;
                if (bytes > limits.totalBytes()) {
                    return tooLarge("more than " + limits.totalBytes() + " bytes of schedule, calendar and account "
                            + "files");
                }
                files.add(new SourceFile(relative, new String(reader.open(tree.getObjectId(0), Constants.OBJ_BLOB)
                        .getBytes(), StandardCharsets.UTF_8)));
            }
        }
        return files;
    }

    private static List<SourceFile> tooLarge(String what) {
        return List.of(SourceFile.refused(WHOLE_REVISION, "the revision holds " + what + "; it is refused unread "
                + "(the last valid revision keeps running): split the repository or remove files, then push"));
    }

    private static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }

    /** The short branch or tag name {@code ref} stands for, remote prefix removed ({@code origin/main} -> main). */
    private static Optional<String> refName(Repository repository, String ref) throws IOException {
        Ref found = repository.findRef(ref);
        if (found == null) {
            return Optional.empty();
        }
        String name = found.getTarget().getName();
        if (name.startsWith(Constants.R_HEADS) || name.startsWith(Constants.R_TAGS)) {
            return Optional.of(Repository.shortenRefName(name));
        }
        if (name.startsWith(Constants.R_REMOTES)) {
            String remoteAndBranch = name.substring(Constants.R_REMOTES.length());
            int slash = remoteAndBranch.indexOf('/');
            return Optional.of(slash < 0 ? remoteAndBranch : remoteAndBranch.substring(slash + 1));
        }
        return Optional.empty();
    }
}

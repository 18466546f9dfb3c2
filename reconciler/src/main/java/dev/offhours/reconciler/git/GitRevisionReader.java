package dev.offhours.reconciler.git;

import dev.offhours.core.source.SourceFile;
import dev.offhours.reconciler.source.RepositoryPaths;
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
 */
public final class GitRevisionReader {

    /** Blobs above this size are not schedules; refusing them keeps a hostile commit from filling the heap. */
    static final long MAX_FILE_BYTES = 1 << 20;

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

    private static List<SourceFile> files(Repository repository, RevCommit commit, String prefix) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        try (TreeWalk tree = new TreeWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                String path = tree.getPathString();
                if (!path.startsWith(prefix) || !isFile(tree.getFileMode(0))) {
                    continue;
                }
                String relative = path.substring(prefix.length());
                if (RepositoryPaths.isRelevant(relative)) {
                    files.add(new SourceFile(relative, blob(reader, tree.getObjectId(0), path)));
                }
            }
        }
        return files;
    }

    private static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }

    private static String blob(ObjectReader reader, ObjectId id, String path) throws IOException {
        long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
        if (size > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(path + " is " + size + " bytes; schedule, calendar and account files "
                    + "must be at most " + MAX_FILE_BYTES + " bytes.");
        }
        return new String(reader.open(id, Constants.OBJ_BLOB).getBytes(), StandardCharsets.UTF_8);
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

package dev.offhours.reconciler.repository;

import dev.offhours.core.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the relevant files of a schedules repository checked out in a directory. A symbolic link among them is not
 * followed but reported (a pull request could point {@code schedules/x.yaml} at {@code ../.git/config} or any file of
 * the CI machine), and so is a file above {@link RepositoryPaths#MAX_FILE_BYTES}, as the Git reader does.
 */
public final class DirectoryRevisionReader {

    /**
     * @throws IllegalArgumentException when {@code root} is not a directory
     */
    public List<SourceFile> read(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is not a directory; give the root of a schedules repository "
                    + "(the folder that holds schedules/, calendars/ and accounts.yaml).");
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(file -> Files.isSymbolicLink(file)
                            || Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .map(file -> new Relative(file, relativePath(root, file)))
                    .filter(r -> Files.isSymbolicLink(r.file()) ? RepositoryPaths.isInside(r.path())
                            : RepositoryPaths.isRelevant(r.path()))
                    .sorted(Comparator.comparing(Relative::path))
                    .map(DirectoryRevisionReader::sourceFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the files of " + root + ": " + e.getMessage(), e);
        }
    }

    private record Relative(Path file, String path) {
    }

    private static String relativePath(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static SourceFile sourceFile(Relative relative) {
        if (Files.isSymbolicLink(relative.file())) {
            return SourceFile.refused(relative.path(), RepositoryPaths.SYMLINK_REFUSAL);
        }
        try {
            long size = Files.size(relative.file());
            if (size > RepositoryPaths.MAX_FILE_BYTES) {
                return SourceFile.refused(relative.path(), RepositoryPaths.tooLarge(size));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + relative.file() + ": " + e.getMessage(), e);
        }
        return new SourceFile(relative.path(), content(relative.file()));
    }

    private static String content(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " as UTF-8 text: " + e.getMessage(), e);
        }
    }
}

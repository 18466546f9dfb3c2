package dev.offhours.reconciler.cli;

import dev.offhours.core.source.Problem;
import dev.offhours.core.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What makes a folder a schedules repository: {@code accounts.yaml} and a {@code schedules/} folder at its root. The
 * reader alone would find nothing in any other folder and call that valid, so a check pointed at the wrong path
 * (a subfolder, a typo in {@code --path}) would pass forever. Neither of the two: the path is wrong (a usage error).
 * One of them missing: the repository is incomplete (a problem like any other).
 */
final class RepositoryLayout {

    static final String ACCOUNTS = "accounts.yaml";
    static final String SCHEDULES = "schedules/";

    private RepositoryLayout() {
    }

    /** The layout of a checked-out folder; {@code schedules/} counts even when it is still empty. */
    static List<Problem> ofDirectory(Path dir) {
        boolean accounts = Files.isRegularFile(dir.resolve(ACCOUNTS));
        boolean schedules = Files.isDirectory(dir.resolve("schedules"));
        if (!accounts && !schedules) {
            throw CommandFailure.usage(dir + " is not a schedules repository: expected " + ACCOUNTS + " and a "
                    + SCHEDULES + " folder in it, found neither." + hint(dir));
        }
        return missing(accounts, schedules);
    }

    /** The layout of a revision read from Git, where a folder exists only through its files. */
    static List<Problem> ofFiles(Collection<SourceFile> files, String where) {
        boolean accounts = files.stream().anyMatch(f -> f.path().equals(ACCOUNTS));
        boolean schedules = files.stream().anyMatch(f -> f.path().startsWith(SCHEDULES));
        if (!accounts && !schedules) {
            throw CommandFailure.usage(where + " is not a schedules repository: expected " + ACCOUNTS + " and "
                    + SCHEDULES + "<team>/<name>.yaml there, found neither. --path names the folder of the Git "
                    + "repository that holds them (leave it out for the root).");
        }
        return missing(accounts, schedules);
    }

    private static List<Problem> missing(boolean accounts, boolean schedules) {
        List<Problem> problems = new ArrayList<>();
        if (!accounts) {
            problems.add(new Problem(ACCOUNTS, 0, 0, "missing: a schedules repository has " + ACCOUNTS + " at its "
                    + "root, the registry of the AWS accounts that schedules name in spec.scope.accounts (copy the "
                    + "one of schedules-repo-template and list your accounts)."));
        }
        if (!schedules) {
            problems.add(new Problem(SCHEDULES, 0, 0, "missing: schedules live in " + SCHEDULES
                    + "<team>/<name>.yaml at the repository root, and there is no " + SCHEDULES + " folder."));
        }
        return problems;
    }

    /** Points at the repository root when the path is one of its folders: the usual mistake. */
    private static String hint(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        for (Path parent = absolute.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.isRegularFile(parent.resolve(ACCOUNTS))) {
                return " It is inside the schedules repository " + parent + ": give that folder, its root.";
            }
        }
        return " Give the root of a schedules repository (schedules-repo-template shows the layout).";
    }
}

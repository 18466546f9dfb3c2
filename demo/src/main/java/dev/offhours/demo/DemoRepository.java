package dev.offhours.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The demo's schedules repository: a copy of {@code schedules-repo-template} in a fresh Git repository (branch
 * {@code main}), with the simulated accounts added to {@code accounts.yaml} (group {@code demo}) and the schedule
 * {@code schedules/demo/demo-fleet.yaml}, in one commit.
 */
final class DemoRepository {

    static final String TEMPLATE = "schedules-repo-template";

    private DemoRepository() {
    }

    /**
     * Looks for the template in the working directory and its parents, then beside the jar's module
     * ({@code demo/target/offhours-demo.jar} is two levels below the repository root).
     */
    static Optional<Path> findTemplate(Path workingDirectory, Optional<Path> jar) {
        for (Path dir = workingDirectory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(TEMPLATE).resolve("accounts.yaml"))) {
                return Optional.of(dir.resolve(TEMPLATE));
            }
        }
        return jar.map(j -> j.toAbsolutePath().getParent()).map(dir -> dir.resolve("../..").normalize())
                .map(root -> root.resolve(TEMPLATE)).filter(t -> Files.isRegularFile(t.resolve("accounts.yaml")));
    }

    static Path create(Path template, Path target, List<String> accountIds, String region, DemoSchedule schedule) {
        try {
            copy(template, target);
            Files.writeString(target.resolve("accounts.yaml"), accountsYaml(accountIds, region),
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Path file = target.resolve("schedules/demo/" + DemoSchedule.NAME + ".yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, schedule.yaml(), StandardCharsets.UTF_8);
            commit(target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo's schedules repository in " + target, e);
        }
    }

    private static String accountsYaml(List<String> accountIds, String region) {
        StringBuilder yaml = new StringBuilder("    # added by `offhours demo`: the simulated fleet's accounts\n");
        for (int i = 0; i < accountIds.size(); i++) {
            yaml.append("    - id: \"").append(accountIds.get(i)).append("\"\n")
                    .append("      alias: demo-").append(String.format("%03d", i + 1)).append('\n')
                    .append("      regions: [").append(region).append("]\n")
                    .append("      groups: [demo]\n");
        }
        return yaml.toString();
    }

    private static void copy(Path template, Path to) throws IOException {
        Path from = template.toRealPath();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path destination = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
    }

    private static void commit(Path dir) {
        PersonIdent demo = new PersonIdent("offhours demo", "demo@offhours.invalid");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Demo schedules: template plus demo-fleet").setAuthor(demo).setCommitter(demo)
                    .setSign(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot commit the demo's schedules repository in " + dir + ": "
                    + e.getMessage(), e);
        }
    }
}

package dev.offhours.reconciler.converge.process;

import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.source.RepositoryReadResult;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * A local Git repository of schedules that a hub process fetches through its GitSource: the accounts file and one
 * file per schedule, written from {@link Spec}s and committed as a team would merge them.
 */
public final class SchedulesRepository implements AutoCloseable {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** One awake period, every day, in UTC. */
    public record Period(LocalTime from, LocalTime to) {
    }

    /** What a schedule file says: awake periods (UTC, every day), keepAwake ends, the asleep shape. */
    public record Spec(String name, List<Period> awake, List<Instant> keepAwakeUntil, int asleepMin,
                       int asleepDesired) {
        public Spec {
            awake = List.copyOf(awake);
            keepAwakeUntil = List.copyOf(keepAwakeUntil);
        }

        public Spec withAsleep(int min, int desired) {
            return new Spec(name, awake, keepAwakeUntil, min, desired);
        }

        public Spec withKeepAwake(Instant until) {
            List<Instant> all = new ArrayList<>(keepAwakeUntil);
            all.add(until);
            return new Spec(name, awake, all, asleepMin, asleepDesired);
        }
    }

    private final Path root;
    private final Git git;

    private SchedulesRepository(Path root, Git git) {
        this.root = root;
        this.git = git;
    }

    public static SchedulesRepository create(Path root) {
        try {
            return new SchedulesRepository(root, Git.init().setDirectory(root.toFile()).setInitialBranch("main").call());
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create the schedules repository: " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** accounts.yaml with these 12-digit ids, each in {@code region}. */
    public void accounts(List<String> ids, String region) {
        StringBuilder yaml = new StringBuilder("apiVersion: offhours.dev/v1\nkind: AccountRegistry\nspec:\n"
                + "  accounts:\n");
        for (String id : ids) {
            yaml.append("    - id: \"").append(id).append("\"\n      alias: acct-").append(id)
                    .append("\n      regions: [").append(region).append("]\n");
        }
        write("accounts.yaml", yaml.toString());
    }

    public void schedule(Spec spec) {
        StringBuilder yaml = new StringBuilder("apiVersion: offhours.dev/v1\nkind: Schedule\nmetadata:\n  name: ")
                .append(spec.name()).append("\n  owner: team-bench\nspec:\n  timeZone: UTC\n  awake:\n");
        for (Period period : spec.awake()) {
            yaml.append("    - days: Mon-Sun\n      from: \"").append(HH_MM.format(period.from()))
                    .append("\"\n      to: \"").append(HH_MM.format(period.to())).append("\"\n");
        }
        if (!spec.keepAwakeUntil().isEmpty()) {
            yaml.append("  keepAwake:\n");
            for (Instant until : spec.keepAwakeUntil()) {
                yaml.append("    - until: \"").append(until).append("\"\n      reason: merged by the campaign\n");
            }
        }
        yaml.append("  asleep: {min: ").append(spec.asleepMin()).append(", desired: ").append(spec.asleepDesired())
                .append("}\n");
        write("schedules/bench/" + spec.name() + ".yaml", yaml.toString());
    }

    public void commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.commit().setMessage(message).setSign(false).setAuthor("campaign", "campaign@offhours.dev")
                    .setCommitter("campaign", "campaign@offhours.dev").call();
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot commit to the schedules repository: " + e.getMessage(), e);
        }
    }

    /** The working tree read as the hub reads a revision; fails when it is not valid. */
    public ScheduleCatalog catalog() {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                if (!relative.startsWith(".git/")) {
                    files.add(new SourceFile(relative, Files.readString(path, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the schedules repository: " + e.getMessage(), e);
        }
        RepositoryReadResult result = new RepositoryReader().read(files);
        if (!result.valid()) {
            throw new IllegalStateException("the schedules repository is not valid: " + result.problems());
        }
        return result.catalog();
    }

    private void write(String relative, String content) {
        try {
            Path path = root.resolve(relative);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + relative + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}

package dev.offhours.reconciler.cli;

import dev.offhours.core.plan.Plan;
import dev.offhours.core.source.RepositoryReadResult;
import dev.offhours.reconciler.git.GitRevision;
import dev.offhours.reconciler.git.GitRevisionReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code plan --repo DIR --base REF --head REF}: what a change of the schedules repository does, read straight from
 * Git (no checkout): schedules added, changed and removed, with the transitions of the next 7 days before and after.
 * An invalid head prints its problems and exits 1.
 */
public final class PlanCommand extends OffhoursCommand {

    private final java.util.function.Function<String, String> environment;

    public PlanCommand(CliContext context) {
        this(context, System::getenv);
    }

    /** @param environment where {@code --token-env} is looked up (tests pass their own) */
    public PlanCommand(CliContext context, java.util.function.Function<String, String> environment) {
        super("plan", "Show what a change (base..head) of a schedules Git repository does in the next 7 days", context);
        this.environment = environment;
    }

    @Override
    protected void addArguments(Subparser subparser) {
        subparser.addArgument("--repo").metavar("DIR").required(true).help("a Git repository (work tree or bare)");
        subparser.addArgument("--base").metavar("REF").required(true).help("revision before the change, e.g. origin/main");
        subparser.addArgument("--head").metavar("REF").required(true).help("revision after the change, e.g. HEAD");
        subparser.addArgument("--format").choices("markdown", "json").setDefault("markdown").help("output format");
        subparser.addArgument("--now").metavar("INSTANT")
                .help("reference instant, e.g. 2026-03-27T11:00:00Z (default: the current time)");
        subparser.addArgument("--path").metavar("SUBDIR")
                .help("folder of the Git repository that holds the schedules repository (default: its root)");
        subparser.addArgument("--hub-url").metavar("URL")
                .help("also ask this hub how many targets each changed schedule binds today, per account");
        subparser.addArgument("--token-env").metavar("VAR").setDefault(HubClient.DEFAULT_TOKEN_ENV)
                .help("environment variable holding the hub's bearer token");
    }

    @Override
    protected void execute(Namespace namespace) throws Exception {
        Path repo = Path.of(namespace.getString("repo"));
        String subdirectory = namespace.getString("path") == null ? "" : namespace.getString("path");
        Instant now = now(namespace.getString("now"));
        GitRevisionReader git = new GitRevisionReader();
        GitRevision base = git.read(repo, namespace.getString("base"), subdirectory);
        GitRevision head = git.read(repo, namespace.getString("head"), subdirectory);
        RepositoryReadResult baseResult = RepositoryLoader.read(base.files());
        RepositoryReadResult headResult = RepositoryLoader.readRevision(head.files(),
                "'" + (subdirectory.isEmpty() ? "/" : subdirectory) + "' of " + namespace.getString("head") + " ("
                        + head.shortId() + ") in " + repo);
        Optional<Plan> plan = headResult.valid()
                ? Optional.of(Plan.between(baseResult.catalog(), headResult.catalog(), now, RepositoryLoader.HOLIDAYS))
                : Optional.empty();
        PlanReport report = new PlanReport(base, baseResult, head, headResult, plan);
        String output = "json".equals(namespace.getString("format"))
                ? PlanJson.render(report, now)
                : PlanMarkdown.render(report);
        context.out().print(output);
        String hubUrl = namespace.getString("hub_url");
        if (hubUrl != null && plan.isPresent()) {
            HubClient hub = HubClient.of(hubUrl, namespace.getString("token_env"), environment);
            context.out().print(PlanHubSection.markdown(plan.get(), hub, hubUrl));
        }
        if (plan.isEmpty()) {
            throw CommandFailure.alreadyReported();
        }
    }

    private Instant now(String value) {
        if (value == null) {
            return context.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw CommandFailure.usage("--now must be an ISO-8601 instant with an offset, like 2026-03-27T11:00:00Z or "
                    + "2026-03-27T12:00:00+01:00, not '" + value + "'.");
        }
    }
}

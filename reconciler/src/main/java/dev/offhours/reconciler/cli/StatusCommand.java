package dev.offhours.reconciler.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.offhours.api.AccountView;
import dev.offhours.api.ConditionView;
import dev.offhours.api.ConvergenceView;
import dev.offhours.api.FleetConvergenceView;
import dev.offhours.api.OperationView;
import dev.offhours.api.PageView;
import dev.offhours.api.RemovedScheduleView;
import dev.offhours.api.SavingsLineView;
import dev.offhours.api.SavingsView;
import dev.offhours.api.ScheduleView;
import dev.offhours.api.StatusView;
import dev.offhours.api.TransitionView;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code status --hub-url URL [--token-env VAR]}: a summary of a running hub from its status API: what it runs,
 * its conditions, targets by state, schedules with their next transition and convergence, the schedules not
 * converged in time, degraded accounts and recent failures.
 */
public final class StatusCommand extends OffhoursCommand {

    private final Function<String, String> environment;

    public StatusCommand(CliContext context) {
        this(context, System::getenv);
    }

    public StatusCommand(CliContext context, Function<String, String> environment) {
        super("status", "Summarise a running hub: revision, conditions, schedules, targets, accounts, failures",
                context);
        this.environment = environment;
    }

    @Override
    protected void addArguments(Subparser subparser) {
        subparser.addArgument("--hub-url").metavar("URL").required(true).help("the hub's address, e.g. https://offhours.example.com");
        subparser.addArgument("--token-env").metavar("VAR").setDefault(HubClient.DEFAULT_TOKEN_ENV)
                .help("environment variable holding the bearer token");
    }

    @Override
    protected void execute(Namespace namespace) {
        HubClient hub = HubClient.of(namespace.getString("hub_url"), namespace.getString("token_env"), environment);
        StatusView status = hub.get("/v1/status", new TypeReference<>() { });
        PageView<ScheduleView> schedules = hub.get("/v1/schedules?limit=500", new TypeReference<>() { });
        PageView<AccountView> accounts = hub.get("/v1/accounts?limit=500", new TypeReference<>() { });
        PageView<OperationView> failures = hub.get("/v1/operations?status=FAILED&limit=5", new TypeReference<>() { });
        SavingsView savings = hub.get("/v1/savings?period=week", new TypeReference<>() { });
        PrintStream out = context.out();
        printStatus(out, status);
        printSchedules(out, schedules);
        printOverdue(out, status.convergence(), schedules);
        printAccounts(out, accounts);
        printFailures(out, failures);
        printSavings(out, savings);
    }

    /** The week's savings: the fleet's total, then each team and the three schedules that saved most. */
    private static void printSavings(PrintStream out, SavingsView s) {
        out.println();
        out.println("savings, last 7 days (on-demand prices of " + s.priceDate() + ", every instance priced as "
                + s.assumedInstanceType() + "):");
        out.println("  total: " + line(s.total(), s.currency()));
        s.byTeam().forEach(l -> out.println("  team " + l.key() + ": " + line(l, s.currency())));
        s.bySchedule().stream().limit(3).forEach(l -> out.println("  schedule " + l.key() + ": "
                + line(l, s.currency())));
    }

    private static String line(SavingsLineView l, String currency) {
        return String.format(Locale.ROOT, "%.1f instance-hours avoided, %.1f hours asleep over %s, about %.2f %s",
                l.instanceHours(), l.hoursAsleep(), Plural.of(l.targets(), "target"), l.estimatedCost(), currency);
    }

    private static void printStatus(PrintStream out, StatusView s) {
        out.println("revision: " + (s.appliedRevision() == null ? "none applied yet" : s.appliedRevision()));
        out.println("last fetch: " + (s.lastFetchedAt() == null ? "never" : s.lastFetchedAt() + " ("
                + s.lastFetchedRevision() + ")"));
        for (ConditionView c : s.conditions()) {
            out.println("condition: " + c.type() + "=" + c.status() + " " + c.reason()
                    + (c.message().isEmpty() ? "" : ": " + c.message()));
        }
        s.problems().forEach(p -> out.println("problem: " + p));
        out.println("targets: " + counts(s.targetsByState()) + " (" + Plural.of(s.schedules(), "schedule") + ")");
    }

    private static void printSchedules(PrintStream out, PageView<ScheduleView> page) {
        out.println();
        out.println("schedules:");
        for (ScheduleView s : page.items()) {
            List<TransitionView> next = s.nextTransitions();
            out.printf("  %-24s %-6s %s%s; %s; %s%n", s.name(), s.state(),
                    next.isEmpty() ? "no transition in 7 days" : "next " + next.get(0).state() + " at "
                            + next.get(0).local(), s.suspended() ? " (suspended)" : "", counts(s.targetsByState()),
                    convergence(s.convergence()));
        }
        if (page.nextCursor() != null) {
            out.println("  (more schedules: see GET /v1/schedules)");
        }
    }

    /** Every overdue schedule with its Converged condition's sentence: what an operator looks at first. */
    private static void printOverdue(PrintStream out, FleetConvergenceView fleet, PageView<ScheduleView> page) {
        out.println();
        out.println("not converged within " + fleet.overdueAfter() + ": " + (fleet.overdue() == 0 ? "none"
                : String.join(", ", fleet.overdueSchedules())) + " (" + fleet.pendingTargets() + " targets pending, "
                + fleet.failedTargets() + " failed)");
        for (ScheduleView s : page.items()) {
            if (s.convergence() != null && s.convergence().overdue()) {
                out.println("  " + s.name() + ": " + s.convergence().condition().reason() + ": "
                        + s.convergence().condition().message());
            }
        }
        for (RemovedScheduleView r : fleet.removed()) {
            out.println("  " + r.schedule() + " (removed, waking its targets): " + r.convergence().condition().reason()
                    + ": " + r.convergence().condition().message());
        }
    }

    /** A few words for a schedule's line: converged, converging (n pending), NOT converged since... */
    static String convergence(ConvergenceView c) {
        if (c == null) {
            return "convergence unknown";
        }
        return switch (c.condition().reason()) {
            case "Converged" -> "converged";
            case "Converging" -> "converging (" + (c.pending() == null ? "not counted yet" : c.pending() + " pending")
                    + ")";
            case "NotConverged" -> "NOT converged since " + c.since() + " (" + (c.pending() == null ? "not counted yet"
                    : c.pending() + " pending, " + c.failed() + " failed") + ")";
            case "IntentBehind" -> (c.overdue() ? "NOT converged: " : "") + "intent still " + c.state() + " since "
                    + c.since();
            case "Suspended" -> "suspended";
            case "NoIntentYet" -> "no intent yet";
            default -> c.condition().reason();
        };
    }

    private static void printAccounts(PrintStream out, PageView<AccountView> page) {
        long healthy = page.items().stream().filter(a -> a.status().equals("OK")).count();
        out.println();
        out.println("accounts: " + healthy + " of " + page.items().size() + " account regions OK");
        for (AccountView a : page.items()) {
            if (!a.status().equals("OK")) {
                out.println("  " + (a.alias() == null ? a.account() : a.alias() + " (" + a.account() + ")") + " "
                        + a.region() + ": " + a.status() + (a.lastError() == null ? "" : ": " + a.lastError()));
            }
        }
    }

    private static void printFailures(PrintStream out, PageView<OperationView> page) {
        out.println();
        out.println("recent failures:" + (page.items().isEmpty() ? " none in 7 days" : ""));
        for (OperationView o : page.items()) {
            out.println("  " + o.createdAt() + " " + o.schedule() + " " + o.action() + " " + o.targetKey() + ": "
                    + o.errorCode() + (o.message().isEmpty() ? "" : " (" + o.message() + ")"));
        }
    }

    private static String counts(Map<String, Long> byState) {
        return byState.getOrDefault("AWAKE", 0L) + " awake, " + byState.getOrDefault("ASLEEP", 0L) + " asleep, "
                + byState.getOrDefault("UNKNOWN", 0L) + " unknown";
    }
}

package dev.offhours.reconciler.cli;

import dev.offhours.core.plan.ChangeKind;
import dev.offhours.core.plan.Forecast;
import dev.offhours.core.plan.NameChanges;
import dev.offhours.core.plan.Plan;
import dev.offhours.core.plan.ScheduleChange;
import dev.offhours.core.source.Problem;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.time.Transition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plan as Markdown for a pull-request comment. The first line is a marker the CI workflow uses to find and update
 * its own comment instead of adding a new one on every push. Everything that comes from the repository is shown
 * through {@link MarkdownText}, so a pull request cannot add links, images or markers to the bot's comment.
 */
final class PlanMarkdown {

    static final String MARKER = "<!-- offhours-plan -->";
    /** GitHub refuses comments above 65,536 characters; a plan that long is read in the JSON output instead. */
    private static final int MAX_SECTIONS = 40;
    private static final int MAX_ROWS = 60;

    private final StringBuilder md = new StringBuilder();

    private PlanMarkdown() {
    }

    static String render(PlanReport report) {
        PlanMarkdown out = new PlanMarkdown();
        out.line(MARKER).line("## offhours plan").line();
        if (report.plan().isEmpty()) {
            out.invalidHead(report);
        } else {
            out.plan(report, report.plan().get());
        }
        return out.md.toString();
    }

    private void invalidHead(PlanReport report) {
        List<Problem> problems = report.headResult().problems();
        line("**The head revision " + MarkdownText.code(report.head().label()) + " is invalid: "
                + RepositoryLoader.countProblems(problems) + ".** offhours would keep running the last valid "
                + "revision. Fix these and push again:").line();
        line(MarkdownText.fence(problems.stream().map(Problem::toString).toList()));
    }

    private void plan(PlanReport report, Plan plan) {
        line("**" + summary(plan) + "** · " + Plural.of(plan.unchanged(), "schedule") + " unchanged").line();
        line("Base " + MarkdownText.code(report.base().label()) + " → head " + MarkdownText.code(report.head().label())
                + ". Transitions from "
                + TimeFormats.utc(plan.now()) + " UTC for the next " + plan.horizon().toDays() + " days.").line();
        if (!report.baseResult().valid()) {
            line("> **Note:** the base revision has " + RepositoryLoader.countProblems(report.baseResult().problems())
                    + "; this plan compares with what could be read from it.").line();
        }
        if (plan.isEmpty()) {
            line("No schedule, calendar or account changes.");
            return;
        }
        // Grouped as a reviewer reads them: what is new, what changes, what goes away.
        List<ScheduleChange> shown = plan.changes().stream()
                .sorted(Comparator.comparing(ScheduleChange::kind).thenComparing(ScheduleChange::name))
                .limit(MAX_SECTIONS).toList();
        shown.forEach(this::section);
        if (plan.changes().size() > shown.size()) {
            line("… and " + Plural.of(plan.changes().size() - shown.size(), "more schedule")
                    + " (run `plan --format json` for all).").line();
        }
        names("Calendars", plan.calendars());
        names("Accounts", plan.accounts());
    }

    private static String summary(Plan plan) {
        return plan.changes(ChangeKind.ADDED).size() + " added, " + plan.changes(ChangeKind.CHANGED).size()
                + " changed, " + plan.changes(ChangeKind.REMOVED).size() + " removed";
    }

    private void section(ScheduleChange change) {
        String title = switch (change.kind()) {
            case ADDED -> "Added";
            case CHANGED -> "Changed";
            case REMOVED -> "Removed";
        };
        line("### " + title + " " + MarkdownText.code(change.name())).line();
        Forecast shown = change.after().or(change::before).orElseThrow();
        // the zone id is one the reader accepted (letters, '/', '_', '-'): nothing to escape
        line(MarkdownText.code(change.file()) + " · " + shown.timeZone().getId() + " · now " + nowState(change))
                .line();
        if (!change.changedFields().isEmpty()) {
            line("Changed: " + String.join(", ", change.changedFields().stream().map(MarkdownText::code).toList()))
                    .line();
        }
        if (!change.changedCalendars().isEmpty()) {
            line("Days asleep moved: calendar " + String.join(", ", change.changedCalendars().stream()
                    .map(MarkdownText::code).toList()) + " changed.").line();
        }
        change.after().map(Forecast::warmUp).filter(w -> !w.isZero()).ifPresent(w -> line("Warm-up "
                + MarkdownText.code(TimeFormats.duration(w)) + ": wake-ups and upward resizes below start that long"
                + " before their periods.").line());
        change.after().flatMap(Forecast::keptAwakeUntil).ifPresent(until -> line("Kept awake by `spec.keepAwake` "
                + "until " + TimeFormats.local(until, shown.timeZone()) + " (" + TimeFormats.utc(until) + " UTC).")
                .line());
        if (change.after().map(Forecast::suspended).orElse(false)) {
            line("Suspended (`spec.suspend: true`): offhours takes no action on its targets; the table shows what it "
                    + "would do.").line();
        }
        if (change.kind() == ChangeKind.REMOVED) {
            line("Removing this schedule wakes every target it put to sleep; its targets are no longer managed.")
                    .line();
        }
        table(change, shown.timeZone());
    }

    private static String nowState(ScheduleChange change) {
        String before = change.before().map(f -> word(f.stateAtStart())).orElse("");
        String after = change.after().map(f -> word(f.stateAtStart())).orElse("");
        if (change.kind() != ChangeKind.CHANGED) {
            return before + after; // only one of them is there
        }
        return before.equals(after) ? after : before + " → " + after;
    }

    private static String word(PowerState state) {
        return state == PowerState.AWAKE ? "awake" : "asleep";
    }

    private void table(ScheduleChange change, ZoneId zone) {
        Map<Instant, String[]> rows = new TreeMap<>();
        change.before().ifPresent(f -> cells(rows, f, 0));
        change.after().ifPresent(f -> cells(rows, f, 1));
        if (rows.isEmpty()) {
            line("No transitions in this period.").line();
            return;
        }
        line("| Local time (" + zone.getId() + ") | UTC | Before | After |").line("|---|---|---|---|");
        rows.entrySet().stream().limit(MAX_ROWS).forEach(row -> line("| " + TimeFormats.local(row.getKey(), zone)
                + " | " + TimeFormats.utc(row.getKey()) + " | " + row.getValue()[0] + " | " + row.getValue()[1]
                + " |"));
        if (rows.size() > MAX_ROWS) {
            line("| … " + (rows.size() - MAX_ROWS) + " more | | | |");
        }
        line();
    }

    /** A wake-up, a sleep, or (awake before and after) a change of capacity between touching periods. */
    private static void cells(Map<Instant, String[]> rows, Forecast forecast, int column) {
        PowerState before = forecast.stateAtStart();
        for (Transition t : forecast.transitions()) {
            String word = t.state() == PowerState.ASLEEP ? "sleep"
                    : before == PowerState.AWAKE ? "resize to " + t.capacityPercent() + "%"
                    : t.reduced() ? "wake up at " + t.capacityPercent() + "%" : "wake up";
            rows.computeIfAbsent(t.at(), at -> new String[] {"", ""})[column] = word;
            before = t.state();
        }
    }

    private void names(String title, NameChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        line("### " + title).line();
        list("Added", changes.added());
        list("Changed", changes.changed());
        list("Removed", changes.removed());
        line();
    }

    private void list(String label, List<String> names) {
        if (!names.isEmpty()) {
            line("- " + label + ": " + String.join(", ", names.stream().map(MarkdownText::code).toList()));
        }
    }

    private PlanMarkdown line(String text) {
        md.append(text).append('\n');
        return this;
    }

    private PlanMarkdown line() {
        return line("");
    }
}

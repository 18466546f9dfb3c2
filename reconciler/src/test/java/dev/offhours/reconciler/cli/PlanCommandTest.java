package dev.offhours.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offhours.reconciler.git.TestGitRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan} on a real Git repository with two commits: one schedule added, one changed, one removed. */
class PlanCommandTest {

    private static final String NOW = "2026-03-27T11:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private RevCommit base;
    private RevCommit head;

    @BeforeEach
    void twoCommits() throws Exception {
        try (TestGitRepository repo = TestGitRepository.init(temp)) {
            repo.copyFromTemplate("accounts.yaml").copyTemplate("calendars")
                    .copyFromTemplate("schedules/payments/payments-dev.yaml")
                    .copyFromTemplate("schedules/data/data-platform-dev.yaml")
                    .copyFromTemplate("schedules/support/support-late-shift.yaml")
                    .copyFromTemplate("schedules/search/search-staging.yaml")
                    .write("README.md", "# our schedules\n");
            base = repo.commit("Schedules of four teams");
            repo.branch("shift-change")
                    .copyFromTemplate("schedules/munich/munich-ci-runners.yaml")
                    .replace("schedules/support/support-late-shift.yaml", "from: \"14:00\"", "from: \"15:00\"")
                    .replace("schedules/support/support-late-shift.yaml", "to: \"02:00\"", "to: \"03:00\"")
                    .delete("schedules/search/search-staging.yaml");
            head = repo.commit("Munich CI runners, a later support shift, no more search staging");
        }
    }

    @Test
    void markdownShowsEachScheduleWithItsChangedFieldsAndTheWeekBeforeAndAfter() {
        CliRun run = plan("--format", "markdown");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines.subList(0, 6)).containsExactly(
                "<!-- offhours-plan -->",
                "## offhours plan",
                "",
                "**1 added, 1 changed, 1 removed** · 2 schedules unchanged",
                "",
                "Base `main@sha1:" + base.name() + "` → head `shift-change@sha1:" + head.name()
                        + "`. Transitions from 2026-03-27 11:00 UTC for the next 7 days.");
        assertThat(sectionTitles(lines)).containsExactly("### Added `munich-ci-runners`",
                "### Changed `support-late-shift`", "### Removed `search-staging`");

        String added = section(run.out(), "### Added `munich-ci-runners`");
        assertThat(added).contains("`schedules/munich/munich-ci-runners.yaml` · Europe/Berlin · now awake\n")
                .contains("| Local time (Europe/Berlin) | UTC | Before | After |")
                .contains("| Fri 2026-03-27 20:00 +01:00 | 2026-03-27 19:00 |  | sleep |")
                .contains("| Mon 2026-03-30 06:30 +02:00 | 2026-03-30 04:30 |  | wake up |");
        // Good Friday (2026-04-03) is a public holiday in Bavaria: no wake-up that morning
        assertThat(added).doesNotContain("Fri 2026-04-03 06:30");
        assertThat(rows(added)).hasSize(9);

        String changed = section(run.out(), "### Changed `support-late-shift`");
        assertThat(changed).contains("· America/New_York · now asleep\n").contains("Changed: `spec.awake`")
                .contains("| Fri 2026-03-27 14:00 -04:00 | 2026-03-27 18:00 | wake up |  |")
                .contains("| Fri 2026-03-27 15:00 -04:00 | 2026-03-27 19:00 |  | wake up |")
                .contains("| Sat 2026-03-28 02:00 -04:00 | 2026-03-28 06:00 | sleep |  |")
                .contains("| Sat 2026-03-28 03:00 -04:00 | 2026-03-28 07:00 |  | sleep |");

        String removed = section(run.out(), "### Removed `search-staging`");
        assertThat(removed).contains("`schedules/search/search-staging.yaml` · Europe/Berlin · now awake\n")
                .contains("Removing this schedule wakes every target it put to sleep")
                .contains("No transitions in this period.");
    }

    @Test
    void markdownSaysWhenAScheduleIsSuspendedOrKeptAwake() throws Exception {
        try (TestGitRepository repo = TestGitRepository.init(temp)) {
            repo.branch("release-night")
                    .replace("schedules/payments/payments-dev.yaml", "  calendars: [company]\n",
                            "  calendars: [company]\n  suspend: true\n"
                            + "  keepAwake:\n    - until: \"2026-03-28T02:00:00+01:00\"\n      reason: release\n")
                    .commit("release night");
        }

        CliRun run = CliRun.run("plan", "--repo", temp.toString(), "--base", "shift-change", "--head",
                "release-night", "--now", NOW);

        assertThat(run.exitCode()).isZero();
        String changed = section(run.out(), "### Changed `payments-dev`");
        assertThat(changed).contains("Changed: `spec.keepAwake`, `spec.suspend`")
                .contains("Kept awake by `spec.keepAwake` until Sat 2026-03-28 02:00 +01:00 (2026-03-28 01:00 UTC).")
                .contains("Suspended (`spec.suspend: true`): offhours takes no action on its targets")
                .contains("| Fri 2026-03-27 19:00 +01:00 | 2026-03-27 18:00 | sleep |  |")
                .contains("| Sat 2026-03-28 02:00 +01:00 | 2026-03-28 01:00 |  | sleep |");
    }

    @Test
    void markdownShowsAReducedEveningAndTheWarmUp() throws Exception {
        try (TestGitRepository repo = TestGitRepository.init(temp)) {
            repo.branch("evenings")
                    .replace("schedules/payments/payments-dev.yaml", "      to: \"19:00\"\n",
                            "      to: \"18:00\"\n    - days: Mon-Fri\n      from: \"18:00\"\n      to: \"22:00\"\n"
                            + "      capacity: \"30%\"\n")
                    .replace("schedules/payments/payments-dev.yaml", "  calendars: [company]\n",
                            "  calendars: [company]\n  warmUp: 15m\n")
                    .commit("evenings at 30%, nodes ready at 07:30");
        }

        CliRun run = CliRun.run("plan", "--repo", temp.toString(), "--base", "shift-change", "--head", "evenings",
                "--now", NOW);

        assertThat(run.exitCode()).isZero();
        String changed = section(run.out(), "### Changed `payments-dev`");
        assertThat(changed).contains("Warm-up `15m`: wake-ups and upward resizes below start that long before their"
                        + " periods.")
                .contains("| Fri 2026-03-27 18:00 +01:00 | 2026-03-27 17:00 |  | resize to 30% |")
                .contains("| Fri 2026-03-27 19:00 +01:00 | 2026-03-27 18:00 | sleep |  |")
                .contains("| Fri 2026-03-27 22:00 +01:00 | 2026-03-27 21:00 |  | sleep |")
                .contains("| Mon 2026-03-30 07:15 +02:00 | 2026-03-30 05:15 |  | wake up |");
    }

    @Test
    void textFromTheRepositoryCannotBreakOutOfTheCommentsCode() throws Exception {
        String breakOut = "\"x\\n```\\n![pwned](https://evil.example/p.png)\\n<!-- offhours-plan -->\\n```\": 1";
        try (TestGitRepository repo = TestGitRepository.init(temp)) {
            repo.branch("hostile").replace("schedules/payments/payments-dev.yaml", "  timeZone: Europe/Berlin",
                    "  timeZone: Europe/Berlin\n  " + breakOut);
            repo.commit("an unknown field whose name closes the fence");
        }

        CliRun run = CliRun.run("plan", "--repo", temp.toString(), "--base", "main", "--head", "hostile", "--now",
                NOW, "--format", "markdown");

        List<String> lines = run.outLines();
        assertThat(run.out()).contains("unknown field 'x\\n```\\n![pwned](https://evil.example/p.png)");
        assertThat(lines).filteredOn(l -> l.startsWith("`")).containsOnly("````");
        assertThat(lines).noneMatch(l -> l.startsWith("!") || l.startsWith("<!--") && lines.indexOf(l) > 0);
        assertThat(lines.stream().filter(l -> l.contains("offhours-plan")).count()).as("one marker outside code")
                .isEqualTo(2);
        assertThat(lines.get(0)).isEqualTo("<!-- offhours-plan -->");
    }

    @Test
    void inlineCodeAndFencesAreLongerThanAnyBackticksInside() {
        assertThat(MarkdownText.code("a`b")).isEqualTo("``a`b``");
        assertThat(MarkdownText.code("`x")).isEqualTo("`` `x ``");
        assertThat(MarkdownText.code("line\n![i](u)")).isEqualTo("`line\\n![i](u)`");
        assertThat(MarkdownText.code("a\u2028b\u0000")).isEqualTo("`a\\u2028b\\u0000`");
        assertThat(MarkdownText.fence(List.of("p: ```` x"))).isEqualTo("`````\np: ```` x\n`````");
    }

    @Test
    void theSameInputsGiveTheSameOutput() {
        assertThat(plan("--format", "markdown").out()).isEqualTo(plan("--format", "markdown").out());
        assertThat(plan("--format", "json").out()).isEqualTo(plan("--format", "json").out());
    }

    @Test
    void jsonListsTheRevisionsTheSummaryAndEachForecast() throws Exception {
        CliRun run = plan("--format", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.at("/base/revision").asText()).isEqualTo("main@sha1:" + base.name());
        assertThat(root.at("/head/revision").asText()).isEqualTo("shift-change@sha1:" + head.name());
        assertThat(root.at("/head/valid").asBoolean()).isTrue();
        assertThat(root.at("/now").asText()).isEqualTo(NOW);
        assertThat(root.at("/until").asText()).isEqualTo("2026-04-03T11:00:00Z");
        assertThat(root.get("summary").toString())
                .isEqualTo("{\"added\":1,\"changed\":1,\"removed\":1,\"unchanged\":2}");
        JsonNode schedules = root.get("schedules");
        assertThat(schedules).extracting(s -> s.get("name").asText() + " " + s.get("change").asText())
                .containsExactly("munich-ci-runners ADDED", "search-staging REMOVED", "support-late-shift CHANGED");
        JsonNode shift = schedules.get(2);
        assertThat(shift.get("changedFields").toString()).isEqualTo("[\"spec.awake\"]");
        assertThat(shift.at("/before/stateNow").asText()).isEqualTo("ASLEEP");
        assertThat(shift.at("/before/transitions/0").toString())
                .isEqualTo("{\"at\":\"2026-03-27T14:00:00-04:00\",\"state\":\"AWAKE\",\"capacityPercent\":100}");
        assertThat(shift.at("/after/transitions/0").toString())
                .isEqualTo("{\"at\":\"2026-03-27T15:00:00-04:00\",\"state\":\"AWAKE\",\"capacityPercent\":100}");
        assertThat(schedules.get(1).get("after").isNull()).isTrue();
        assertThat(schedules.get(0).get("before").isNull()).isTrue();
    }

    @Test
    void withoutNowThePlanStartsAtTheClockOfTheCommandLine() throws Exception {
        CliRun run = CliRun.run("plan", "--repo", temp.toString(), "--base", "main", "--head", "shift-change",
                "--format", "json");

        assertThat(JSON.readTree(run.out()).at("/now").asText()).isEqualTo(NOW);
    }

    @Test
    void anInvalidHeadPrintsItsProblemsAndExitsOne() throws Exception {
        try (TestGitRepository repo = TestGitRepository.init(temp)) {
            repo.replace("schedules/munich/munich-ci-runners.yaml", "days: Mon-Fri", "days: Mon-Fry")
                    .commit("typo");
        }

        CliRun run = plan("--format", "markdown");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("<!-- offhours-plan -->\n## offhours plan\n\n**The head revision "
                + "`shift-change@sha1:");
        assertThat(run.out()).containsPattern("\nschedules/munich/munich-ci-runners\\.yaml:\\d+:\\d+: "
                + "spec\\.awake\\[0\\]\\.days 'Mon-Fry' is not valid");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anInvalidBaseIsANoteAndThePlanComparesWithWhatCouldBeRead() throws Exception {
        try (TestGitRepository repo = TestGitRepository.init(temp)) {
            repo.branch("broken-main");
        }
        // the base of this plan is the head of the first; pretend main was broken by comparing from a bad commit
        try (TestGitRepository repo = TestGitRepository.init(temp)) {
            repo.replace("accounts.yaml", "alias: dev-payments", "alias: Dev_Payments").commit("bad alias");
        }

        CliRun run = CliRun.run("plan", "--repo", temp.toString(), "--base", "broken-main", "--head", "main",
                "--now", NOW);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("> **Note:** the base revision has ");
    }

    @Test
    void anUnknownRefIsOneClearLine() {
        CliRun run = CliRun.run("plan", "--repo", temp.toString(), "--base", "origin/main", "--head", "HEAD",
                "--now", NOW);

        assertThat(run.exitCode()).as("a usage error").isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("offhours plan: 'origin/main' names no commit of ").doesNotContain("\tat ");
    }

    private CliRun plan(String... format) {
        List<String> args = new ArrayList<>(List.of("plan", "--repo", temp.toString(), "--base", "main",
                "--head", "shift-change", "--now", NOW));
        args.addAll(List.of(format));
        return CliRun.run(args.toArray(String[]::new));
    }

    private static List<String> sectionTitles(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("### ")).toList();
    }

    private static String section(String markdown, String title) {
        int start = markdown.indexOf(title);
        assertThat(start).as("section " + title).isNotNegative();
        int end = markdown.indexOf("\n### ", start + title.length());
        return end < 0 ? markdown.substring(start) : markdown.substring(start, end);
    }

    private static List<String> rows(String section) {
        return section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Local")).toList();
    }
}

package dev.offhours.reconciler.api;

import java.util.regex.Pattern;

import java.time.LocalDate;

import dev.offhours.core.port.OrphanReport;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.schedule.AwakePeriod;
import dev.offhours.core.schedule.Schedule;
import dev.offhours.core.schedule.ScheduleCatalog;
import dev.offhours.core.schedule.Scope;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in headless Chromium against the service over a seeded embedded store: what a person sees once
 * the page's scripts ran, and a screenshot in {@code target/dashboard.png}. The seed is placed around the machine's
 * current time, since the browser marks "now" with its own clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardChromiumTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Path dir = Path.of("target", "api-test", "dashboard");
    private EmbeddedHubStore store;
    private ApiServer server;
    private OrphanReport orphan;
    private dev.offhours.reconciler.quota.QuotaFinding quota;

    @BeforeAll
    void start() throws Exception {
        Chromium.requireInstalled();
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("hub.mv"));
        store = EmbeddedHubStore.open(dir.resolve("hub.mv"));
        ScheduleCatalog template = HubSeed.templateCatalog();
        orphan = HubSeed.seed(template, now, store.control(), store.inventory(), store.operations()).orphans().get(0);
        ScheduleCatalog catalog = withReducedEvenings(template);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        quota = QuotaApiTest.seeded(catalog, now, clock).current().get(0);
        server = new ApiServer(new ApiDependencies(() -> catalog, store.control(), store.inventory(),
                store.operations(), store.operations(), clock, java.time.Duration.ofMinutes(10),
                java.time.Duration.ofDays(90), false, QuotaApiTest.seeded(catalog, now, clock)), dir);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private String signedIn() {
        return server.base() + "/#token=" + ApiServer.TOKEN;
    }

    /** The template's schedules and one more, awake at full capacity by day and at 30 % in the evening. */
    private static ScheduleCatalog withReducedEvenings(ScheduleCatalog template) {
        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        Schedule evenings = new Schedule("evenings", "team-payments", "", ZoneId.of("Europe/Berlin"), List.of(
                new AwakePeriod(weekdays, LocalTime.of(8, 0), LocalTime.of(18, 0)),
                new AwakePeriod(weekdays, LocalTime.of(18, 0), LocalTime.of(23, 0), Set.of(), List.of(), Set.of(),
                        30)), List.of(), List.of(), List.of(), false, false, Scope.EVERYWHERE, AsleepCapacity.ZERO,
                "schedules/payments/evenings.yaml");
        Map<String, Schedule> schedules = new TreeMap<>(template.schedules());
        schedules.put(evenings.name(), evenings);
        return ScheduleCatalog.of(schedules, template.calendars(), template.accounts());
    }

    @Test
    void aReducedEveningIsItsOwnHatchedBandLabelledWithItsShare() throws Exception {
        String dom = Chromium.dumpDom(signedIn(), dir.resolve("profile-reduced"));

        assertThat(dom).contains("data-schedule=\"evenings\"")
                .containsPattern("class=\"band reduced\" title=\"awake at 30% of the saved capacity [^\"]*\"");
    }

    @Test
    void showsStatusTimelinesAccountsAndOperationsFailuresFirst() throws Exception {
        String dom = Chromium.dumpDom(signedIn(), dir.resolve("profile-dom"));
        assertThat(dom).contains("Ready: True").contains("running " + HubSeed.REVISION);
        for (String schedule : HubSeed.templateCatalog().schedules().keySet()) {
            assertThat(dom).contains("data-schedule=\"" + schedule + "\"");
        }
        assertThat(dom).contains("class=\"now-mark\"").contains("class=\"band\"").contains("Europe/Berlin");
        assertThat(dom).contains("sandbox-ml").contains("DEGRADED").contains(HubSeed.DEAD_ERROR);
        assertThat(dom).as("the account's line shows the wake that would breach its vCPU quota")
                .contains("<div class=\"error small quota\">vCPU quota: " + quota.summary() + "</div>");
        int failed = dom.indexOf("<tr class=\"failed\">");
        int succeeded = dom.indexOf(">SUCCEEDED<");
        assertThat(failed).as("a failed operation is listed").isPositive();
        assertThat(failed).as("failures come first").isLessThan(succeeded);
        assertThat(dom).as("the left-asleep panel is shown with what to restore")
                .containsPattern("<section id=\"orphans-section\" class=\"attention\">(?s).*data-orphan=\""
                        + orphan.target().key() + "\".*min=2,desired=3,max=6.*by event");
        assertThat(dom).as("a tag naming no schedule is shown with where it is")
                .containsPattern("<section id=\"unknown-section\" class=\"attention\">(?s).*data-unknown=\""
                        + HubSeed.TYPO + "\".*<td>1</td><td>\\d{12}/");
        assertThat(dom).doesNotContain(ApiServer.TOKEN);
        assertThat(dom).as("the savings section: the week's estimate with its price date, a bar per day, teams")
                .containsPattern("<section id=\"savings-section\">(?s).*estimate at on-demand prices of "
                        + SavingsEndpoint.shippedPrices().priceDate() + ", every instance priced as m5.large")
                .containsPattern("id=\"savings-cost\"><b>(US)?\\$[0-9,.]+</b>estimated cost avoided")
                .containsPattern("<rect class=\"bar-day\" data-day=\"" + LocalDate.ofInstant(now, ZoneOffset.UTC)
                        + "\"[^>]*height=\"[1-9]")
                .containsPattern("<tr data-team=\"team-[a-z-]+\">");
        assertThat(Pattern.compile("<rect class=\"bar-day\"").matcher(dom).results().count())
                .as("one bar per day of the week").isBetween(7L, 8L);
    }

    @Test
    void everyScheduleShowsWhetherItsTargetsConvergedAndTheOverdueOnesStandOut() throws Exception {
        String dom = Chromium.dumpDom(signedIn(), dir.resolve("profile-convergence"));
        for (var expected : HubSeed.CONVERGENCE.entrySet()) {
            assertThat(dom).as(expected.getKey()).containsPattern("data-schedule=\"" + expected.getKey()
                    + "\"(?s).*?data-convergence=\"" + expected.getValue() + "\"");
        }
        assertThat(dom).containsPattern("data-schedule=\"payments-dev\"(?s).*?class=\"conv Converged\""
                + " data-convergence=\"Converged\"[^>]*>converged<");
        assertThat(dom).containsPattern("data-schedule=\"munich-ci-runners\"(?s).*?"
                + "data-convergence=\"Converging\"[^>]*>converging \\(1 pending\\)<");
        assertThat(dom).as("NOT converged since when, with the counts")
                .containsPattern("data-schedule=\"data-platform-dev\"(?s).*?class=\"conv NotConverged overdue\""
                        + " data-convergence=\"NotConverged\" title=\"not [A-Z]+ since [^\"]*: 2 of 9 targets pending, "
                        + "1 failed[^>]*>NOT converged since \\w{3} \\d\\d:\\d\\d · 2 pending · 1 failed<");
        assertThat(dom).containsPattern("data-schedule=\"support-late-shift\"(?s).*?class=\"conv IntentBehind "
                + "overdue\"[^>]*>NOT converged: intent still (awake|asleep) since ");
        assertThat(dom).containsPattern("id=\"overdue-count\"[^>]*><b>3</b>schedules overdue<");
        assertThat(dom).containsPattern("data-removed=\"" + HubSeed.REMOVED + "\"(?s).*?"
                + "data-convergence=\"NotConverged\"[^>]*>NOT converged since [^<]*· 2 pending · 0 failed<");
        assertThat(dom).contains("Converged: False");
    }

    @Test
    void withoutATokenThePageAsksForOneAndShowsNoData() throws Exception {
        String dom = Chromium.dumpDom(server.base() + "/", dir.resolve("profile-login"));
        assertThat(dom).contains("Enter a bearer token of this hub");
        assertThat(dom).containsPattern("<form id=\"login\"(?! hidden)");
        assertThat(dom).doesNotContain("data-schedule=").doesNotContain("data-orphan=");
    }

    @Test
    void savesAScreenshot() throws Exception {
        Path png = Path.of("target", "dashboard.png");
        Chromium.screenshot(signedIn(), dir.resolve("profile-shot"), png, "1400,1000");
        assertThat(Files.size(png)).isGreaterThan(10_000);
        Path full = Path.of("target", "dashboard-full.png"); // the whole page, for people reviewing a change
        Chromium.screenshot(signedIn(), dir.resolve("profile-shot"), full, "1400,1900");
        assertThat(Files.size(full)).isGreaterThan(Files.size(png));
    }
}

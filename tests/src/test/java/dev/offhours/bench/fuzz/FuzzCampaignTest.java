package dev.offhours.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.bench.FuzzTargets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A short, reproducible campaign (a fixed seed, about a second per surface): hostile input gets a clean problem or
 * a 4xx, never an exception, a hang or a 5xx. The README's Benchmarks table has the longer run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzCampaignTest {

    private static final Duration BUDGET = Duration.ofMillis(1200);
    private static final long SEED = 20261206L;

    private FuzzTargets targets;

    @BeforeAll
    void open() throws Exception {
        FuzzCampaign.quietLogging();
        targets = FuzzTargets.open();
    }

    @AfterAll
    void close() {
        targets.close();
    }

    @Test
    void theCampaignFindsACrashAndNamesItsInput() {
        FuzzTarget fragile = new FuzzTarget() {
            @Override
            public String name() {
                return "fragile";
            }

            @Override
            public List<String> seeds() {
                return List.of("apiVersion: offhours.dev/v1");
            }

            @Override
            public void exercise(String input) {
                if (input.contains("`")) {
                    throw new IllegalStateException("a backtick");
                }
            }
        };

        FuzzReport report = FuzzCampaign.run(fragile, Duration.ofMillis(300), SEED);

        assertThat(report.crashes()).hasSize(1);
        assertThat(report.crashes().keySet().iterator().next()).startsWith("java.lang.IllegalStateException");
        assertThat(report.crashes().values().iterator().next()).contains("`");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reader", "webhook", "events", "api"})
    void hostileInputGetsACleanAnswer(String surface) {
        FuzzTarget target = targets.all().stream().filter(t -> t.name().equals(surface)).findFirst().orElseThrow();

        FuzzReport report = FuzzCampaign.run(target, BUDGET, SEED);

        report.print();
        assertThat(report.inputs()).as("inputs tried").isGreaterThan(target.seeds().size());
        assertThat(report.crashes()).as("distinct crashes").isEmpty();
        assertThat(report.slowestMillis()).as("slowest input (%s)", FuzzReport.printable(report.slowestInput()))
                .isLessThan(FuzzCampaign.HANG.toMillis());
    }
}

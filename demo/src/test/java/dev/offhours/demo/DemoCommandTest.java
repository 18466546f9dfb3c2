package dev.offhours.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.Page;
import dev.offhours.core.work.Action;
import dev.offhours.reconciler.service.HubStores;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo} as the README runs it, with a short schedule: the command starts the service in this JVM, and the
 * operation records it leaves behind show one sleep and one wake of every simulated target, with each wake restoring
 * exactly the capacity its sleep found. Real time: up to two minutes, since schedules count in whole minutes.
 */
class DemoCommandTest {

    private static final int TARGETS = 40;

    @TempDir
    Path data;

    @Test
    void demoPutsEveryTargetToSleepAndWakesItWithItsCapacityRestored() throws Exception {
        Instant started = Instant.now();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = new DemoApplication(Clock.systemUTC(), o, e).execute("demo", "--targets",
                    Integer.toString(TARGETS), "--accounts", "4", "--sleep-in", "5s", "--wake-after", "8s",
                    "--exit-after-wake", "--data-dir", data.toString());
        }
        String output = out.toString(StandardCharsets.UTF_8);

        assertThat(exitCode).as("exit code; output:%n%s%nerrors:%n%s", output, err).isZero();
        assertThat(output).contains("40 targets (20 ASGs, 20 EKS node groups) in 4 simulated accounts",
                "/healthcheck", "/metrics/prometheus", "SLEEP dispatched 40 work items", "SLEEP done: 40 succeeded",
                "WAKE dispatched 40 work items", "WAKE done: 40 succeeded",
                "40 of 40 targets back to exactly their awake capacity");
        Matcher dashboard = Pattern.compile("dashboard http://127\\.0\\.0\\.1:\\d+/#token=([0-9a-f]{64})\n")
                .matcher(output);
        assertThat(dashboard.find()).as("dashboard line with this run's token in:%n%s", output).isTrue();
        String token = dashboard.group(1);
        assertThat(output).contains("/v1/status (Authorization: Bearer " + token + ")");
        assertThat(Files.readString(data.resolve(DemoSetup.LOG_FILE))).as("the demo's log file")
                .isNotEmpty().doesNotContain(token)
                .as("the wake's quota pre-flight, wired as the service wires it, on the simulated accounts' quotas")
                .containsPattern("quota pre-flight: wake of [a-z-]+ in \\d{12}/[a-z0-9-]+: 10 targets fit every vCPU "
                        + "quota");

        Map<Instant, List<OperationRecord>> transitions = demoTransitionsSince(started);
        assertThat(transitions).hasSize(2);
        List<OperationRecord> sleeps = transitions.values().stream().findFirst().orElseThrow();
        List<OperationRecord> wakes = transitions.values().stream().skip(1).findFirst().orElseThrow();
        assertThat(sleeps).hasSize(TARGETS).allSatisfy(r -> {
            assertThat(r.action()).isEqualTo(Action.SLEEP);
            assertThat(r.status()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(r.after()).isNotEqualTo(r.before());
        });
        assertThat(wakes).hasSize(TARGETS).allSatisfy(r -> {
            assertThat(r.action()).isEqualTo(Action.WAKE);
            assertThat(r.status()).isEqualTo(OperationStatus.SUCCEEDED);
        });
        Map<String, OperationRecord> sleepByTarget = sleeps.stream()
                .collect(Collectors.toMap(OperationRecord::targetKey, Function.identity()));
        assertThat(wakes).allSatisfy(wake ->
                assertThat(wake.after()).as("capacity after the wake of %s", wake.targetKey())
                        .isEqualTo(sleepByTarget.get(wake.targetKey()).before()));
    }

    /** The records of the demo schedule's transitions at or after {@code since}, by transition in time order. */
    private Map<Instant, List<OperationRecord>> demoTransitionsSince(Instant since) {
        List<OperationRecord> records = new ArrayList<>();
        try (EmbeddedHubStore store = EmbeddedHubStore.open(data.resolve(HubStores.EMBEDDED_FILE))) {
            String cursor = null;
            do {
                Page<OperationRecord> page = store.operations().latest(since.minusSeconds(60),
                        Instant.now().plusSeconds(3600), cursor, 1000);
                records.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return records.stream().filter(r -> r.schedule().equals(DemoSchedule.NAME))
                .filter(r -> !r.transition().isBefore(since))
                .collect(Collectors.groupingBy(OperationRecord::transition, TreeMap::new, Collectors.toList()));
    }
}

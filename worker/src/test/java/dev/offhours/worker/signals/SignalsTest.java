package dev.offhours.worker.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offhours.core.notify.HubSignals;
import dev.offhours.testsupport.store.InMemoryOperationStore;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.work.Action;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worker's side of the alarm metrics: which records count as failed, and the lines the Lambda worker logs. */
class SignalsTest {

    private static final Instant AT = Instant.parse("2026-03-02T18:00:00Z");

    @Test
    void aFailedRecordCountsOnceAndNothingElseCounts() {
        List<OperationRecord> counted = new ArrayList<>();
        FailedOperationsCounter store = new FailedOperationsCounter(new InMemoryOperationStore(), counted::add);

        store.save(record("asg-a", OperationStatus.IN_PROGRESS));
        store.save(record("asg-a", OperationStatus.FAILED));
        store.save(record("asg-a", OperationStatus.FAILED)); // a redelivery: the store refuses to write it again
        store.save(record("asg-b", OperationStatus.SUCCEEDED));
        store.save(record("asg-c", OperationStatus.FAILED));

        assertThat(counted).extracting(OperationRecord::targetKey).containsExactly("asg-a", "asg-c");
    }

    @Test
    void theLambdaLogsOneEmbeddedMetricLinePerCountThatCloudWatchReadsAsTheAlarmsMetric() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        EmbeddedMetrics metrics = new EmbeddedMetrics(() -> out, Clock.fixed(AT, ZoneOffset.UTC));

        metrics.count(HubSignals.OPERATIONS_FAILED, 1);

        JsonNode line = new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8).strip());
        JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(line.get("_aws").get("Timestamp").asLong()).isEqualTo(AT.toEpochMilli());
        assertThat(directive.get("Namespace").asText()).isEqualTo(HubSignals.NAMESPACE);
        assertThat(directive.get("Dimensions").toString()).as("no dimensions: the alarm watches the bare metric")
                .isEqualTo("[[]]");
        assertThat(directive.get("Metrics").get(0).get("Name").asText()).isEqualTo(HubSignals.OPERATIONS_FAILED);
        assertThat(directive.get("Metrics").get(0).get("Unit").asText()).isEqualTo("Count");
        assertThat(line.get(HubSignals.OPERATIONS_FAILED).asLong()).isEqualTo(1);
    }

    private static OperationRecord record(String target, OperationStatus status) {
        return new OperationRecord("office-hours", AT, target, Action.SLEEP, null, null, status, 1,
                status == OperationStatus.FAILED ? "NotFound" : null, "", Duration.ZERO, null, null, AT, AT,
                AT.plus(Duration.ofDays(90)));
    }
}

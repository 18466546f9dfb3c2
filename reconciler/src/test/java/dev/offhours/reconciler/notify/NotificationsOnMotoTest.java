package dev.offhours.reconciler.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.notify.HubSignals;
import dev.offhours.core.port.AccountHealth;
import dev.offhours.core.port.HealthStatus;
import dev.offhours.testsupport.store.InMemoryOperationStore;
import dev.offhours.core.port.InventoryItem;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.port.ScheduleIntent;
import dev.offhours.core.port.TargetState;
import dev.offhours.core.time.PowerState;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.reconciler.dispatch.Traceparent;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The notifications as an operator wires them, on moto: an ordinary rule on the hub bus routes offhours' events to
 * a queue (where SNS, a chatbot or a pager would be), each delivered detail valid against its schema in
 * {@code docs/events}; and the metric an alarm of the hub stack watches receives the counts.
 */
@ExtendWith(MotoExtension.class)
class NotificationsOnMotoTest {

    private static final String BUS = "offhours-hub";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOCS = Path.of("..", "docs", "events");
    private static final Instant SINCE = Instant.parse("2026-03-02T18:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T18:04:10Z"), ZoneOffset.UTC);

    private MotoServer moto;
    private EventBridgeClient events;
    private SqsClient sqs;
    @TempDir
    Path dir;

    @BeforeEach
    void clients(MotoServer moto) {
        this.moto = moto;
        this.events = moto.client(EventBridgeClient.builder());
        this.sqs = moto.client(SqsClient.builder());
        events.createEventBus(b -> b.name(BUS));
    }

    @Test
    void aRuleOnTheHubBusDeliversTheFinishedTransitionWithItsFailedTargetToAQueue() {
        String queue = routeToQueue("transitions", HubSignals.TRANSITION_FINISHED);
        Target ok = Target.asg("111111111111", "eu-west-1", "web");
        Target broken = Target.asg("111111111111", "eu-west-1", "batch");
        InMemoryOperationStore operations = new InMemoryOperationStore();
        String traceparent = Traceparent.forIntent("office-hours", SINCE);
        operations.save(new OperationRecord("office-hours", SINCE, broken.key(), Action.SLEEP, new Capacity(1, 2, 4),
                null, OperationStatus.FAILED, 3, "ValidationError", "Max bound, 0, must be greater than or equal "
                + "to min bound, 1", Duration.ofSeconds(2), traceparent.split("-")[1], null, SINCE, SINCE,
                SINCE.plus(Duration.ofDays(90))));
        ScheduleIntent finished = ScheduleIntent.first("office-hours", PowerState.ASLEEP, SINCE,
                        ScheduleIntent.TRANSITION, "", "main@sha1:abc")
                .withProgress(new ScheduleIntent.Progress(2, 1, 0, 1, CLOCK.instant()), null);

        TransitionEvents announcer = new TransitionEvents(new EventBridgeEventSink(events, BUS), operations, CLOCK);
        assertThat(announcer.announce(finished, List.of(item(broken)), 0)).isTrue();

        List<JsonNode> delivered = receive(queue, 1);
        JsonNode event = delivered.get(0);
        assertThat(event.get("source").asText()).isEqualTo(HubSignals.EVENT_SOURCE);
        assertThat(event.get("detail-type").asText()).isEqualTo(HubSignals.TRANSITION_FINISHED);
        JsonNode detail = event.get("detail");
        assertThat(validate("transition-finished.json", detail)).isEmpty();
        assertThat(detail.get("outcome").asText()).isEqualTo("Failed");
        assertThat(detail.get("failedTargets").get(0).get("errorCode").asText()).isEqualTo("ValidationError");
        assertThat(detail.get("traceId").asText()).isEqualTo(operations.all().get(0).traceId());
        assertThat(ok.key()).isNotIn(detail.get("failedTargets").findValuesAsText("target"));
    }

    @Test
    void anAccountTurningDegradedAndRecoveringIsDeliveredTwiceAndNothingElse() {
        String queue = routeToQueue("health", HubSignals.ACCOUNT_HEALTH_CHANGED);
        try (EmbeddedHubStore store = EmbeddedHubStore.open(dir.resolve("hub.mv"))) {
            AccountHealthEvents control = new AccountHealthEvents(store.control(),
                    new EventBridgeEventSink(events, BUS), CLOCK);
            Instant at = CLOCK.instant();
            control.recordDiscovery(health(HealthStatus.OK, null, at));
            control.recordDiscovery(health(HealthStatus.DEGRADED, "AccessDenied: cannot assume role", at));
            control.recordDiscovery(health(HealthStatus.DEGRADED, "AccessDenied: cannot assume role", at));
            control.recordDiscovery(health(HealthStatus.OK, null, at));
        }
        List<JsonNode> delivered = receive(queue, 2);
        assertThat(delivered).extracting(e -> e.get("detail").get("status").asText())
                .containsExactly("DEGRADED", "OK");
        assertThat(delivered.get(0).get("detail").get("lastError").asText()).contains("AccessDenied");
        assertThat(delivered).allSatisfy(e -> assertThat(validate("account-health-changed.json", e.get("detail")))
                .isEmpty());
        assertThat(receiveNow(queue)).as("no third event").isEmpty();
    }

    @Test
    void theOperationsFailedAlarmsMetricReceivesTheCountsAndTheGaugesArriveBesideIt() {
        try (CloudWatchClient cloudWatch = moto.client(CloudWatchClient.builder())) {
            // as the hub stack declares it
            cloudWatch.putMetricAlarm(b -> b.alarmName("offhours-operations-failed").namespace(HubSignals.NAMESPACE)
                    .metricName(HubSignals.OPERATIONS_FAILED).statistic(Statistic.SUM).period(300)
                    .evaluationPeriods(1).threshold(0.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
            Clock now = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC);
            AtomicLong deadLettered = new AtomicLong(2);
            AlarmMetrics metrics = new AlarmMetrics(new CloudWatchMetricSink(cloudWatch, HubSignals.NAMESPACE), now,
                    deadLettered::get, () -> OptionalInt.of(1), () -> OptionalInt.of(4));
            metrics.operationFailed();
            metrics.operationFailed();
            metrics.operationFailed();
            metrics.publish();
            metrics.publish(); // nothing new: a zero, not the same three again

            List<String> names = cloudWatch.listMetrics(b -> b.namespace(HubSignals.NAMESPACE)).metrics().stream()
                    .map(Metric::metricName).distinct().sorted().toList();
            assertThat(names).containsExactly(HubSignals.ACCOUNTS_DEGRADED, HubSignals.OPERATIONS_FAILED,
                    HubSignals.SCHEDULES_NOT_CONVERGED, HubSignals.WORK_ITEMS_DEAD_LETTERED);
            assertThat(sum(cloudWatch, HubSignals.OPERATIONS_FAILED, now.instant())).isEqualTo(3.0);
            assertThat(sum(cloudWatch, HubSignals.WORK_ITEMS_DEAD_LETTERED, now.instant())).isEqualTo(2.0);
            assertThat(cloudWatch.describeAlarmsForMetric(b -> b.namespace(HubSignals.NAMESPACE)
                    .metricName(HubSignals.OPERATIONS_FAILED)).metricAlarms())
                    .extracting(a -> a.alarmName()).containsExactly("offhours-operations-failed");
        }
    }

    private static double sum(CloudWatchClient cloudWatch, String metric, Instant at) {
        GetMetricDataResponse data = cloudWatch.getMetricData(b -> b
                .startTime(at.minus(Duration.ofMinutes(5))).endTime(at.plus(Duration.ofMinutes(5)))
                .metricDataQueries(q -> q.id("m").metricStat(s -> s.stat("Sum").period(600)
                        .metric(m -> m.namespace(HubSignals.NAMESPACE).metricName(metric)))));
        return data.metricDataResults().get(0).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private String routeToQueue(String name, String detailType) {
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String pattern = "{\"source\":[\"" + HubSignals.EVENT_SOURCE + "\"],\"detail-type\":[\"" + detailType + "\"]}";
        events.putRule(b -> b.name(name).eventBusName(BUS).eventPattern(pattern));
        events.putTargets(b -> b.rule(name).eventBusName(BUS).targets(t -> t.id("queue").arn(arn)));
        return url;
    }

    private List<JsonNode> receive(String queueUrl, int expected) {
        List<JsonNode> all = new ArrayList<>();
        for (int i = 0; i < 10 && all.size() < expected; i++) {
            all.addAll(receiveNow(queueUrl));
        }
        assertThat(all).hasSize(expected);
        return all;
    }

    private List<JsonNode> receiveNow(String queueUrl) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Message message : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages()) {
            try {
                nodes.add(JSON.readTree(message.body()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return nodes;
    }

    private static List<String> validate(String schemaFile, JsonNode detail) {
        try {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(JSON.readTree(DOCS.resolve(schemaFile).toFile()));
            return schema.validate(detail).stream().map(Object::toString).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static InventoryItem item(Target target) {
        return new InventoryItem(target, "office-hours", Map.of("offhours.dev/schedule", "office-hours"),
                new Capacity(1, 2, 4), null, TargetState.AWAKE, null, InventoryItem.DISCOVERY, 1, SINCE);
    }

    private static AccountHealth health(HealthStatus status, String error, Instant at) {
        return new AccountHealth("222222222222", "eu-west-1", status, at, null, error, 0);
    }
}

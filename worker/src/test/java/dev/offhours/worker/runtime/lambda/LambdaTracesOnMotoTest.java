package dev.offhours.worker.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.worker.tracing.SpanNames;
import dev.offhours.worker.tracing.TracedWorkItemHandler;
import dev.offhours.worker.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The Lambda function traces as the service's pool does: each message is a span continued from the item's
 * {@code traceparent}, holding the function's AWS calls (STS, Auto Scaling, and the operation record's DynamoDB
 * writes). And its environment turns tracing on with the standard variables. On moto.
 */
@ExtendWith(MotoExtension.class)
class LambdaTracesOnMotoTest {

    private static final String TRACE_ID = "69a5d0202a6f6f8f73487de78b8cdea3";
    private static final String DISPATCH_SPAN = "3eecb1c2861724d1";
    private static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
    private static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();

    @AfterEach
    void close() {
        Tracing.installed().close();
        sdk.close();
    }

    @Test
    void eachMessageIsASpanOfTheTransitionsTraceHoldingTheFunctionsAwsCalls(MotoServer moto) {
        Tracing tracing = Tracing.install(Tracing.of(sdk));
        String region = moto.region();
        try (DynamoDbClient dynamo = moto.client(DynamoDbClient.builder());
             SqsClient sqs = moto.client(SqsClient.builder());
             AutoScalingClient asg = moto.client(AutoScalingClient.builder())) {
            dynamo.createTable(HubTableDefinitions.operationsTable("ops"));
            dynamo.createTable(HubTableDefinitions.inventoryTable("inventory"));
            String deadLetters = sqs.createQueue(b -> b.queueName("work-dlq")).queueUrl();
            asg.createLaunchConfiguration(b -> b.launchConfigurationName("lc-web").imageId("ami-12345678")
                    .instanceType("t3.micro"));
            asg.createAutoScalingGroup(b -> b.autoScalingGroupName("web").launchConfigurationName("lc-web")
                    .minSize(1).desiredCapacity(2).maxSize(3).availabilityZones(region + "a")
                    .tags(Tag.builder().resourceId("web").resourceType("auto-scaling-group")
                            .key(OffhoursTags.SCHEDULE).value("office-hours").propagateAtLaunch(false).build()));
            WorkerLambdaHandler function = new WorkerLambdaHandler(HubWorkerFactory.build(Region.of(region),
                    moto.endpoint(), moto.credentials(), "ops", "inventory", "offhours-spoke", "ext-42", tracing).handler(),
                    sqs, deadLetters);
            WorkItem sleep = WorkItem.of("office-hours", Instant.parse("2026-03-02T18:00:00Z"), Action.SLEEP,
                    Target.asg(MotoServer.HUB_ACCOUNT, region, "web"), AsleepCapacity.ZERO, "main@sha1:abc",
                    "00-" + TRACE_ID + "-" + DISPATCH_SPAN + "-01");

            SQSBatchResponse response = function.handleRequest(event(new WorkItemCodec().encode(sleep)), null);
            assertThat(response.getBatchItemFailures()).isEmpty();
        }

        List<SpanData> spans = exporter.getFinishedSpanItems();
        SpanData work = spans.stream().filter(s -> s.getName().equals(SpanNames.WORK)).findFirst().orElseThrow();
        assertThat(work.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(work.getParentSpanId()).isEqualTo(DISPATCH_SPAN);
        assertThat(work.getAttributes().get(SpanNames.OUTCOME)).isEqualTo("SUCCEEDED");
        assertThat(spans.stream().filter(s -> s.getParentSpanId().equals(work.getSpanId()))
                .map(s -> s.getAttributes().get(RPC_SERVICE) + "." + s.getAttributes().get(RPC_METHOD)))
                .contains("Sts.AssumeRole", "AutoScaling.UpdateAutoScalingGroup")
                .anySatisfy(call -> assertThat(call).startsWith("DynamoDb."));
    }

    @Test
    void theFunctionsEnvironmentTurnsTracingOnWithTheStandardVariables(MotoServer moto) {
        Map<String, String> environment = Map.of("AWS_REGION", moto.region(),
                "AWS_ENDPOINT_URL", moto.endpoint().toString(), "OFFHOURS_OPERATIONS_TABLE", "ops",
                "OFFHOURS_INVENTORY_TABLE", "inventory", "OFFHOURS_DEAD_LETTER_QUEUE_URL", "http://unused", "OFFHOURS_SPOKE_ROLE_NAME", "offhours-spoke",
                "OFFHOURS_EXTERNAL_ID", "ext-42", "OTEL_TRACES_EXPORTER", "console");

        LambdaWiring traced = LambdaWiring.fromEnvironment(environment, moto.credentials());
        assertThat(Tracing.installed().enabled()).isTrue();
        assertThat(traced.handler()).isInstanceOf(TracedWorkItemHandler.class);
        Tracing.installed().close();

        Map<String, String> untraced = new java.util.HashMap<>(environment);
        untraced.remove("OTEL_TRACES_EXPORTER");
        assertThat(LambdaWiring.fromEnvironment(untraced, moto.credentials()).handler())
                .isNotInstanceOf(TracedWorkItemHandler.class);
        assertThat(Tracing.installed()).isSameAs(Tracing.OFF);

        Map<String, String> withoutInventory = new java.util.HashMap<>(untraced);
        withoutInventory.remove("OFFHOURS_INVENTORY_TABLE");
        assertThatThrownBy(() -> LambdaWiring.fromEnvironment(withoutInventory, moto.credentials()))
                .as("intent marks kept in one container's memory would order only its own work")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("OFFHOURS_INVENTORY_TABLE");

        Map<String, String> noEnvironments = new java.util.HashMap<>(untraced);
        noEnvironments.put("OFFHOURS_WORKER_ENVIRONMENTS", "0");
        assertThatThrownBy(() -> LambdaWiring.fromEnvironment(noEnvironments, moto.credentials()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OFFHOURS_WORKER_ENVIRONMENTS").hasMessageContaining("'0'");
    }

    private static SQSEvent event(String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-1");
        message.setBody(body);
        message.setEventSourceArn("arn:aws:sqs:us-east-1:" + MotoServer.HUB_ACCOUNT + ":work");
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}

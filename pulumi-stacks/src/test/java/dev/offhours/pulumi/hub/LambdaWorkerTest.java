package dev.offhours.pulumi.hub;

import static dev.offhours.pulumi.MockedStack.arn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.pulumi.MockedStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** workerMode: lambda — the worker jar behind the work queue. */
class LambdaWorkerTest {

    private static MockedStack.Run run;

    @BeforeAll
    static void runHub() {
        run = HubFixtures.run(HubFixtures.lambdaConfig());
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
    }

    @Test
    void theFunctionRunsTheWorkerJarWithTheEnvironmentLambdaWiringReads() {
        MockedStack.Declared function = run.ofType("aws:lambda/function:Function").get(0);
        assertThat(function.string("handler"))
                .isEqualTo("dev.offhours.worker.runtime.lambda.WorkerLambdaHandler::handleRequest");
        assertThat(function.string("runtime")).startsWith("java");
        assertThat(function.string("role")).isEqualTo(arn("aws:iam/role:Role", "offhours-hub"));
        assertThat(((Number) function.inputs().get("timeout")).intValue()).isEqualTo(120);
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) function.map("environment").get("variables");
        assertThat(variables).containsEntry("OFFHOURS_OPERATIONS_TABLE", "offhours-operations")
                .containsEntry("OFFHOURS_INVENTORY_TABLE", "offhours-inventory")
                .containsEntry("OFFHOURS_SPOKE_ROLE_NAME", "offhours-spoke")
                .containsEntry("OFFHOURS_DEAD_LETTER_QUEUE_URL",
                        "https://sqs.eu-central-1.amazonaws.com/123456789012/offhours-work-dlq")
                .containsKey("OFFHOURS_EXTERNAL_ID")
                .as("each environment takes its share of the hub's STS quota")
                .containsEntry("OFFHOURS_WORKER_ENVIRONMENTS", "50")
                .doesNotContainKey("AWS_REGION");
    }

    @Test
    void theMappingReadsTheWorkQueueWithMaximumConcurrencyFiftyAndBatchItemFailures() {
        MockedStack.Declared mapping = run.ofType("aws:lambda/eventSourceMapping:EventSourceMapping").get(0);
        assertThat(mapping.string("eventSourceArn")).isEqualTo(arn("aws:sqs/queue:Queue", "offhours-work"));
        assertThat(mapping.string("functionName")).isEqualTo(arn("aws:lambda/function:Function", "offhours-worker"));
        assertThat(((Number) mapping.map("scalingConfig").get("maximumConcurrency")).intValue()).isEqualTo(50);
        assertThat(mapping.inputs().get("functionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
    }

    @Test
    void theWorkQueueVisibilityIsAtLeastSixFunctionTimeouts() {
        MockedStack.Declared work = run.withInput("aws:sqs/queue:Queue", "name", "offhours-work");
        MockedStack.Declared function = run.ofType("aws:lambda/function:Function").get(0);
        assertThat(((Number) work.inputs().get("visibilityTimeoutSeconds")).intValue())
                .isGreaterThanOrEqualTo(6 * ((Number) function.inputs().get("timeout")).intValue());
    }

    @Test
    void theWorkerFunctionHasItsOwnErrorAlarm() {
        MockedStack.Declared alarm = run.withInput("aws:cloudwatch/metricAlarm:MetricAlarm", "name",
                "offhours-worker-errors");
        assertThat(alarm.string("namespace")).isEqualTo("AWS/Lambda");
        assertThat(alarm.map("dimensions")).containsEntry("FunctionName", "offhours-worker");
    }
}

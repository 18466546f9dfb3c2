package dev.offhours.pulumi.hub;

import com.pulumi.asset.FileArchive;
import com.pulumi.aws.lambda.EventSourceMapping;
import com.pulumi.aws.lambda.EventSourceMappingArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.EventSourceMappingScalingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.offhours.pulumi.Children;
import java.util.List;
import java.util.Map;

/**
 * The worker as an AWS Lambda function (the worker module's shaded jar) behind an SQS event source mapping on the
 * work queue. The mapping's maximum concurrency bounds the calls in flight towards the spokes; batch item failures
 * let one failed work item come back without redelivering its whole batch. The environment is what
 * {@code dev.offhours.worker.runtime.lambda.LambdaWiring} reads.
 */
public final class LambdaWorker {

    public static final String HANDLER = "dev.offhours.worker.runtime.lambda.WorkerLambdaHandler::handleRequest";
    public static final String RUNTIME = "java17";

    public record Worker(Function function, EventSourceMapping mapping) {
    }

    private LambdaWorker() {
    }

    public static Worker declare(HubSettings settings, HubSettings.LambdaWorkerSettings lambda,
                                 HubRole.Identity identity, HubQueues.Queues queues, Resource parent) {
        CustomResourceOptions afterPolicy = Children.after(parent, identity.policy());
        String prefix = settings.prefix();
        Output<Map<String, String>> environment = Output.tuple(queues.workDeadLetters().url(), lambda.externalId())
                .applyValue(t -> Map.of(
                        "OFFHOURS_OPERATIONS_TABLE", settings.tables().operations(),
                        "OFFHOURS_INVENTORY_TABLE", settings.tables().inventory(),
                        "OFFHOURS_SPOKE_ROLE_NAME", settings.spokeRoleName(),
                        "OFFHOURS_EXTERNAL_ID", t.t2,
                        "OFFHOURS_DEAD_LETTER_QUEUE_URL", t.t1,
                        // each environment takes its share of the hub's STS quota
                        "OFFHOURS_WORKER_ENVIRONMENTS", Integer.toString(lambda.maximumConcurrency())));
        Function function = new Function(prefix + "worker", FunctionArgs.builder()
                .name(prefix + "worker")
                .description("offhours worker: the work items of a batch, an account's at a time, at once")
                .runtime(RUNTIME)
                .handler(HANDLER)
                .code(new FileArchive(lambda.jarPath()))
                .role(identity.role().arn())
                .timeout(lambda.timeoutSeconds())
                .memorySize(lambda.memoryMb())
                .environment(FunctionEnvironmentArgs.builder().variables(environment).build())
                .build(), afterPolicy);
        EventSourceMapping mapping = new EventSourceMapping(prefix + "worker-work-queue", EventSourceMappingArgs.builder()
                .eventSourceArn(queues.work().arn())
                .functionName(function.arn())
                .batchSize(lambda.batchSize())
                .functionResponseTypes(List.of("ReportBatchItemFailures"))
                .scalingConfig(EventSourceMappingScalingConfigArgs.builder()
                        .maximumConcurrency(lambda.maximumConcurrency()).build())
                .build(), afterPolicy);
        return new Worker(function, mapping);
    }
}

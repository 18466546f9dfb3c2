package dev.offhours.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.offhours.testsupport.EmbeddedElasticMq;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The storm consumed by the worker as a Lambda function: {@code environments} concurrent environments, each with
 * a worker of its own built for the storm (a storm follows hours of quiet, so environments start cold: no cached
 * credentials), all on the same spokes and the same hub stores.
 */
record LambdaMode(StormFleet fleet, double scale, int environments, int batch) implements StormMode {

    @Override
    public String name() {
        return "lambda";
    }

    @Override
    public Consuming start(EmbeddedElasticMq mq, SqsClient sqs, EmbeddedElasticMq.QueuePair queues) {
        List<RequestHandler<SQSEvent, SQSBatchResponse>> functions = new ArrayList<>();
        for (int i = 0; i < environments; i++) {
            functions.add(Contender.lambdaEnvironment(fleet, scale, environments).lambda()
                    .build(sqs, queues.deadLetterQueueUrl()));
        }
        LambdaEnvironments running = new LambdaEnvironments(sqs, queues, functions, batch);
        running.start();
        return (figures, wallRealSeconds) -> {
            LambdaEnvironments.Figures lambda = running.stop();
            figures.put("environments", environments)
                    .put("batch_size", batch)
                    .put("dead_lettered", mq.approximateMessages(queues.deadLetterQueueUrl()))
                    .put("invocations", lambda.invocations())
                    .put("messages_per_invocation", (double) lambda.messages() / Math.max(1, lambda.invocations()))
                    .put("batch_item_failures", lambda.reportedFailures())
                    .put("function_errors", lambda.functionErrors());
        };
    }
}

package dev.offhours.pulumi.hub;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.core.Output;
import dev.offhours.pulumi.Children;
import com.pulumi.resources.Resource;
import dev.offhours.core.notify.HubSignals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alarms to one SNS topic: a message in either dead-letter queue (something needs a person), and the metrics the
 * service and the Lambda worker publish in {@value HubSignals#NAMESPACE} (names in {@link HubSignals}): failed
 * operations (a sum above {@code failedOperationsThreshold}), work items the worker dead-lettered, schedules not
 * converged within {@code convergence.overdueAfter} and degraded accounts (gauges every replica sends: their
 * maximum); in Lambda mode also the worker function's own errors, and on ECS (in the cluster the stack creates)
 * fewer tasks running than desired.
 */
public final class HubAlarms {

    /** Failed operation records per period; the hub publishes it in {@value HubSignals#NAMESPACE}. */
    public static final String FAILED_OPERATIONS_METRIC = HubSignals.OPERATIONS_FAILED;
    static final int PERIOD_SECONDS = 300;

    public record Alarms(Topic topic, List<MetricAlarm> alarms) {
    }

    private HubAlarms() {
    }

    public static Alarms declare(HubSettings settings, HubQueues.Queues queues, Optional<LambdaWorker.Worker> worker,
                                 Optional<EcsService.Declared> service, Resource parent) {
        return declare(settings, queues, worker, service, Optional.empty(), parent);
    }

    /** With the status API function's alarm: its HTTP API answered 5xx (the function failed, timed out or 500). */
    public static Alarms declare(HubSettings settings, HubQueues.Queues queues, Optional<LambdaWorker.Worker> worker,
                                 Optional<EcsService.Declared> service, Optional<ApiFunction.Declared> api,
                                 Resource parent) {
        String prefix = settings.prefix();
        Topic topic = new Topic(prefix + "alarms", TopicArgs.builder()
                .name(prefix + "alarms")
                .build(), Children.of(parent));
        settings.alarmEmail().ifPresent(email -> new TopicSubscription(prefix + "alarms-email",
                TopicSubscriptionArgs.builder().topic(topic.arn()).protocol("email").endpoint(email).build(),
                Children.of(parent)));
        List<MetricAlarm> alarms = new ArrayList<>();
        alarms.add(deadLetters(prefix + "work-dlq-not-empty", queues.workDeadLetters(), topic, parent,
                "Work items were dead-lettered: targets missed a transition. Inspect, fix, then redrive."));
        alarms.add(deadLetters(prefix + "events-dlq-not-empty", queues.eventsDeadLetters(), topic, parent,
                "Spoke events were dead-lettered: the inventory may be stale until the next discovery run."));
        alarms.add(own(prefix + "operations-failed", HubSignals.OPERATIONS_FAILED, "Sum",
                settings.failedOperationsThreshold(), 1, topic, parent,
                "offhours recorded FAILED operations: some targets were not put to sleep or woken"));
        alarms.add(own(prefix + "work-items-dead-lettered", HubSignals.WORK_ITEMS_DEAD_LETTERED, "Sum", 0, 1, topic,
                parent,
                "The offhours worker dead-lettered work items that can never succeed; the reason is beside each"));
        alarms.add(own(prefix + "schedules-not-converged", HubSignals.SCHEDULES_NOT_CONVERGED, "Maximum", 0, 2,
                topic, parent, "Schedules whose targets did not reach their state within convergence.overdueAfter"));
        alarms.add(own(prefix + "accounts-degraded", HubSignals.ACCOUNTS_DEGRADED, "Maximum", 0, 2, topic, parent,
                "Spoke accounts whose discovery failed: their targets may not follow their schedules"));
        worker.ifPresent(w -> alarms.add(new MetricAlarm(prefix + "worker-errors", MetricAlarmArgs.builder()
                .name(prefix + "worker-errors")
                .alarmDescription("The offhours Lambda worker failed invocations (not single work items)")
                .namespace("AWS/Lambda")
                .metricName("Errors")
                .dimensions(w.function().name().applyValue(name -> Map.of("FunctionName", name)))
                .statistic("Sum")
                .period(PERIOD_SECONDS)
                .evaluationPeriods(1)
                .threshold(0.0)
                .comparisonOperator("GreaterThanThreshold")
                .treatMissingData("notBreaching")
                .alarmActions(topic.arn().applyValue(List::of))
                .build(), Children.of(parent))));
        api.ifPresent(a -> alarms.add(new MetricAlarm(prefix + "api-5xx", MetricAlarmArgs.builder()
                .name(prefix + "api-5xx")
                .alarmDescription("The offhours status API on Lambda answered 5xx: the function failed or timed out, or "
                        + "the hub's tables could not be read")
                .namespace("AWS/ApiGateway")
                .metricName("5xx")
                .dimensions(a.api().id().applyValue(id -> Map.of("ApiId", id, "Stage", "$default")))
                .statistic("Sum")
                .period(PERIOD_SECONDS)
                .evaluationPeriods(1)
                .threshold(0.0)
                .comparisonOperator("GreaterThanThreshold")
                .treatMissingData("notBreaching")
                .alarmActions(topic.arn().applyValue(List::of))
                .build(), Children.of(parent))));
        service.filter(s -> s.cluster().isPresent()).ifPresent(s -> alarms.add(tasksMissing(prefix,
                settings.service().orElseThrow().desiredCount(), s, topic, parent)));
        return new Alarms(topic, List.copyOf(alarms));
    }

    /** An alarm on a metric offhours publishes itself (no dimensions). */
    private static MetricAlarm own(String name, String metric, String statistic, int threshold, int periods,
                                   Topic topic, Resource parent, String description) {
        return new MetricAlarm(name, MetricAlarmArgs.builder()
                .name(name)
                .alarmDescription(description)
                .namespace(HubSignals.NAMESPACE)
                .metricName(metric)
                .statistic(statistic)
                .period(PERIOD_SECONDS)
                .evaluationPeriods(periods)
                .threshold((double) threshold)
                .comparisonOperator("GreaterThanThreshold")
                .treatMissingData("notBreaching")
                .alarmActions(topic.arn().applyValue(List::of))
                .build(), Children.of(parent));
    }

    /**
     * Fewer hub tasks running than asked for, for 15 minutes: ECS cannot start or keep the service (image, secrets,
     * health check). Container Insights, which the created cluster turns on, publishes the count; without data (no
     * task has ever run) the alarm fires too.
     */
    private static MetricAlarm tasksMissing(String prefix, int desired, EcsService.Declared service, Topic topic,
                                            Resource parent) {
        Output<Map<String, String>> dimensions = Output.tuple(service.cluster().orElseThrow().name(),
                service.service().name()).applyValue(t -> Map.of("ClusterName", t.t1, "ServiceName", t.t2));
        return new MetricAlarm(prefix + "service-tasks-missing", MetricAlarmArgs.builder()
                .name(prefix + "service-tasks-missing")
                .alarmDescription("Fewer offhours hub tasks run than desired: nothing may be putting the fleet to sleep"
                        + " or waking it. See the service's events and its log group.")
                .namespace("ECS/ContainerInsights")
                .metricName("RunningTaskCount")
                .dimensions(dimensions)
                .statistic("Minimum")
                .period(PERIOD_SECONDS)
                .evaluationPeriods(3)
                .threshold((double) desired)
                .comparisonOperator("LessThanThreshold")
                .treatMissingData("breaching")
                .alarmActions(topic.arn().applyValue(List::of))
                .build(), Children.of(parent));
    }

    private static MetricAlarm deadLetters(String name, Queue queue, Topic topic, Resource parent, String description) {
        Output<Map<String, String>> dimensions = queue.name().applyValue(queueName -> Map.of("QueueName", queueName));
        return new MetricAlarm(name, MetricAlarmArgs.builder()
                .name(name)
                .alarmDescription(description)
                .namespace("AWS/SQS")
                .metricName("ApproximateNumberOfMessagesVisible")
                .dimensions(dimensions)
                .statistic("Maximum")
                .period(PERIOD_SECONDS)
                .evaluationPeriods(1)
                .threshold(0.0)
                .comparisonOperator("GreaterThanThreshold")
                .treatMissingData("notBreaching")
                .alarmActions(topic.arn().applyValue(List::of))
                .build(), Children.of(parent));
    }
}

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
        Alerts alerts = new Alerts(topic, parent);
        List<MetricAlarm> alarms = new ArrayList<>();
        alarms.add(alerts.above(prefix + "work-dlq-not-empty", deadLetters(queues.workDeadLetters()),
                "Work items were dead-lettered: targets missed a transition. Inspect, fix, then redrive."));
        alarms.add(alerts.above(prefix + "events-dlq-not-empty", deadLetters(queues.eventsDeadLetters()),
                "Spoke events were dead-lettered: the inventory may be stale until the next discovery run."));
        alarms.add(alerts.above(prefix + "operations-failed",
                own(HubSignals.OPERATIONS_FAILED, "Sum", settings.failedOperationsThreshold(), 1),
                "offhours recorded FAILED operations: some targets were not put to sleep or woken"));
        alarms.add(alerts.above(prefix + "work-items-dead-lettered",
                own(HubSignals.WORK_ITEMS_DEAD_LETTERED, "Sum", 0, 1),
                "The offhours worker dead-lettered work items that can never succeed; the reason is beside each"));
        alarms.add(alerts.above(prefix + "schedules-not-converged",
                own(HubSignals.SCHEDULES_NOT_CONVERGED, "Maximum", 0, 2),
                "Schedules whose targets did not reach their state within convergence.overdueAfter"));
        alarms.add(alerts.above(prefix + "accounts-degraded", own(HubSignals.ACCOUNTS_DEGRADED, "Maximum", 0, 2),
                "Spoke accounts whose discovery failed: their targets may not follow their schedules"));
        worker.ifPresent(w -> alarms.add(alerts.above(prefix + "worker-errors",
                new Watch("AWS/Lambda", "Errors", w.function().name().applyValue(name -> Map.of("FunctionName", name)),
                        "Sum", 0, 1),
                "The offhours Lambda worker failed invocations (not single work items)")));
        api.ifPresent(a -> alarms.add(alerts.above(prefix + "api-5xx",
                new Watch("AWS/ApiGateway", "5xx",
                        a.api().id().applyValue(id -> Map.of("ApiId", id, "Stage", "$default")), "Sum", 0, 1),
                "The offhours status API on Lambda answered 5xx: the function failed or timed out, or the hub's tables"
                        + " could not be read")));
        service.filter(s -> s.cluster().isPresent()).ifPresent(s -> alarms.add(tasksMissing(prefix,
                settings.service().orElseThrow().desiredCount(), s, topic, parent)));
        return new Alarms(topic, List.copyOf(alarms));
    }

    /** What an alarm watches: one metric, its statistic over {@code periods} 5-minute periods above a threshold. */
    private record Watch(String namespace, String metric, Output<Map<String, String>> dimensions, String statistic,
                         double threshold, int periods) {
    }

    /** Alarms that fire when their metric goes above its threshold, to one topic, as children of the hub. */
    private record Alerts(Topic topic, Resource parent) {

        MetricAlarm above(String name, Watch watch, String description) {
            MetricAlarmArgs.Builder args = MetricAlarmArgs.builder()
                    .name(name)
                    .alarmDescription(description)
                    .namespace(watch.namespace())
                    .metricName(watch.metric())
                    .statistic(watch.statistic())
                    .period(PERIOD_SECONDS)
                    .evaluationPeriods(watch.periods())
                    .threshold(watch.threshold())
                    .comparisonOperator("GreaterThanThreshold")
                    .treatMissingData("notBreaching")
                    .alarmActions(topic.arn().applyValue(List::of));
            if (watch.dimensions() != null) {
                args.dimensions(watch.dimensions());
            }
            return new MetricAlarm(name, args.build(), Children.of(parent));
        }
    }

    /** A metric offhours publishes itself (no dimensions). */
    private static Watch own(String metric, String statistic, int threshold, int periods) {
        return new Watch(HubSignals.NAMESPACE, metric, null, statistic, threshold, periods);
    }

    private static Watch deadLetters(Queue queue) {
        return new Watch("AWS/SQS", "ApproximateNumberOfMessagesVisible",
                queue.name().applyValue(queueName -> Map.of("QueueName", queueName)), "Maximum", 0, 1);
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
}

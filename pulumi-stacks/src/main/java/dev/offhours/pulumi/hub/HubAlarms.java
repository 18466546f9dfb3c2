package dev.offhours.pulumi.hub;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.core.Output;
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
 * maximum); in Lambda mode also the worker function's own errors.
 */
public final class HubAlarms {

    /** Failed operation records per period; the hub publishes it in {@value HubSignals#NAMESPACE}. */
    public static final String FAILED_OPERATIONS_METRIC = HubSignals.OPERATIONS_FAILED;
    static final int PERIOD_SECONDS = 300;

    public record Alarms(Topic topic, List<MetricAlarm> alarms) {
    }

    private HubAlarms() {
    }

    public static Alarms declare(HubSettings settings, HubQueues.Queues queues, Optional<LambdaWorker.Worker> worker) {
        String prefix = settings.prefix();
        Topic topic = new Topic(prefix + "alarms", TopicArgs.builder()
                .name(prefix + "alarms")
                .build());
        settings.alarmEmail().ifPresent(email -> new TopicSubscription(prefix + "alarms-email",
                TopicSubscriptionArgs.builder().topic(topic.arn()).protocol("email").endpoint(email).build()));
        List<MetricAlarm> alarms = new ArrayList<>();
        alarms.add(deadLetters(prefix + "work-dlq-not-empty", queues.workDeadLetters(), topic,
                "Work items were dead-lettered: targets missed a transition. Inspect, fix, then redrive."));
        alarms.add(deadLetters(prefix + "events-dlq-not-empty", queues.eventsDeadLetters(), topic,
                "Spoke events were dead-lettered: the inventory may be stale until the next discovery run."));
        alarms.add(own(prefix + "operations-failed", HubSignals.OPERATIONS_FAILED, "Sum",
                settings.failedOperationsThreshold(), 1, topic,
                "offhours recorded FAILED operations: some targets were not put to sleep or woken"));
        alarms.add(own(prefix + "work-items-dead-lettered", HubSignals.WORK_ITEMS_DEAD_LETTERED, "Sum", 0, 1, topic,
                "The offhours worker dead-lettered work items that can never succeed; the reason is beside each"));
        alarms.add(own(prefix + "schedules-not-converged", HubSignals.SCHEDULES_NOT_CONVERGED, "Maximum", 0, 2,
                topic, "Schedules whose targets did not reach their state within convergence.overdueAfter"));
        alarms.add(own(prefix + "accounts-degraded", HubSignals.ACCOUNTS_DEGRADED, "Maximum", 0, 2, topic,
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
                .build())));
        return new Alarms(topic, List.copyOf(alarms));
    }

    /** An alarm on a metric offhours publishes itself (no dimensions). */
    private static MetricAlarm own(String name, String metric, String statistic, int threshold, int periods,
                                   Topic topic, String description) {
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
                .build());
    }

    private static MetricAlarm deadLetters(String name, Queue queue, Topic topic, String description) {
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
                .build());
    }
}

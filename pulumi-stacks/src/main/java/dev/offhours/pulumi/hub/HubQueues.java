package dev.offhours.pulumi.hub;

import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.core.Output;
import dev.offhours.pulumi.PolicyJson;
import dev.offhours.pulumi.Children;
import com.pulumi.resources.Resource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The work queue (transitions fan out into one message per target) and the events queue (spoke events for the
 * inventory updater), each with its own dead-letter queue and a redrive policy. All encrypted with SQS-managed keys.
 */
public final class HubQueues {

    /** 14 days, SQS's maximum: a dead letter waits for a person to look at it. */
    public static final int DEAD_LETTER_RETENTION_SECONDS = 1_209_600;
    /** 4 days: a work item older than that is stale anyway; the next transition supersedes it. */
    public static final int WORK_RETENTION_SECONDS = 345_600;
    /**
     * The events queue's visibility timeout: a message stays in flight while the updater gathers its resource's
     * window (instance events: 60 s by default) and handles it (at most one read).
     */
    public static final int EVENTS_VISIBILITY_SECONDS = 120;

    public record Queues(Queue work, Queue workDeadLetters, Queue events, Queue eventsDeadLetters) {
    }

    private HubQueues() {
    }

    public static Queues declare(HubSettings settings, Resource parent) {
        String prefix = settings.prefix();
        Queue workDeadLetters = deadLetterQueue(prefix + "work-dlq", parent);
        Queue work = new Queue(prefix + "work", QueueArgs.builder()
                .name(prefix + "work")
                .visibilityTimeoutSeconds(settings.workQueueVisibilitySeconds())
                .messageRetentionSeconds(WORK_RETENTION_SECONDS)
                .receiveWaitTimeSeconds(20)
                .sqsManagedSseEnabled(true)
                .redrivePolicy(redrivePolicy(workDeadLetters, settings.workMaxReceiveCount()))
                .build(), Children.of(parent));
        Queue eventsDeadLetters = deadLetterQueue(prefix + "events-dlq", parent);
        Queue events = new Queue(prefix + "events", QueueArgs.builder()
                .name(prefix + "events")
                .visibilityTimeoutSeconds(EVENTS_VISIBILITY_SECONDS)
                .receiveWaitTimeSeconds(20)
                .sqsManagedSseEnabled(true)
                .redrivePolicy(redrivePolicy(eventsDeadLetters, settings.eventsMaxReceiveCount()))
                .build(), Children.of(parent));
        return new Queues(work, workDeadLetters, events, eventsDeadLetters);
    }

    private static Queue deadLetterQueue(String name, Resource parent) {
        return new Queue(name, QueueArgs.builder()
                .name(name)
                .messageRetentionSeconds(DEAD_LETTER_RETENTION_SECONDS)
                .sqsManagedSseEnabled(true)
                .build(), Children.of(parent));
    }

    /** SQS's redrive policy: after {@code maxReceiveCount} receives the message moves to the dead-letter queue. */
    static Output<String> redrivePolicy(Queue deadLetters, int maxReceiveCount) {
        return deadLetters.arn().applyValue(arn -> {
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("deadLetterTargetArn", arn);
            policy.put("maxReceiveCount", maxReceiveCount);
            return PolicyJson.json(policy);
        });
    }
}

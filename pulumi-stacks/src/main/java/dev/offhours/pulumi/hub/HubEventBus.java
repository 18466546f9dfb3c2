package dev.offhours.pulumi.hub;

import com.pulumi.aws.cloudwatch.EventBus;
import com.pulumi.aws.cloudwatch.EventBusArgs;
import com.pulumi.aws.cloudwatch.EventBusPolicy;
import com.pulumi.aws.cloudwatch.EventBusPolicyArgs;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetDeadLetterConfigArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueuePolicy;
import com.pulumi.aws.sqs.QueuePolicyArgs;
import com.pulumi.core.Output;
import dev.offhours.core.events.SpokeEventPatterns;
import dev.offhours.pulumi.PolicyJson;
import dev.offhours.pulumi.Children;
import com.pulumi.resources.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub event bus the spoke rules forward to, its resource policy (only the organization, or only the listed
 * accounts, may put events), and the rule that moves every spoke event to the events queue. Events the rule cannot
 * deliver go to the events dead-letter queue instead of being dropped.
 */
public final class HubEventBus {

    public record Bus(EventBus bus, EventRule toEventsQueue) {
    }

    private HubEventBus() {
    }

    /** The bus's name: spokes forward their events to it, and the service announces its own events on it. */
    public static String busName(String prefix) {
        return prefix + "hub";
    }

    public static Bus declare(HubSettings settings, HubQueues.Queues queues, Resource parent) {
        String prefix = settings.prefix();
        EventBus bus = new EventBus(prefix + "hub-bus", EventBusArgs.builder().name(busName(prefix)).build(),
                Children.of(parent));
        new EventBusPolicy(prefix + "hub-bus-policy", EventBusPolicyArgs.builder()
                .eventBusName(bus.name())
                .policy(bus.arn().applyValue(arn -> busPolicy(arn, settings)))
                .build(), Children.of(parent));
        EventRule rule = new EventRule(prefix + "spoke-events", EventRuleArgs.builder()
                .name(prefix + "spoke-events")
                .description("Spoke Auto Scaling and EKS events to the offhours events queue")
                .eventBusName(bus.name())
                .eventPattern(spokeEventsPattern())
                .build(), Children.of(parent));
        new EventTarget(prefix + "spoke-events-to-queue", EventTargetArgs.builder()
                .rule(rule.name())
                .eventBusName(bus.name())
                .arn(queues.events().arn())
                .deadLetterConfig(EventTargetDeadLetterConfigArgs.builder().arn(queues.eventsDeadLetters().arn()).build())
                .build(), Children.of(parent));
        allowRuleToSend(prefix + "events-queue-policy", queues.events(), rule, parent);
        allowRuleToSend(prefix + "events-dlq-policy", queues.eventsDeadLetters(), rule, parent);
        return new Bus(bus, rule);
    }

    /** Everything the spoke patterns can match: the hub's rule must not be narrower than the spokes' rules. */
    static String spokeEventsPattern() {
        List<String> sources = SpokeEventPatterns.all().stream().map(SpokeEventPatterns.Pattern::source)
                .distinct().toList();
        return PolicyJson.json(Map.of("source", sources));
    }

    static String busPolicy(String busArn, HubSettings settings) {
        Map<String, Object> statement = PolicyJson.allow("SpokesPutEvents", List.of("events:PutEvents"), List.of(busArn));
        if (settings.organizationId().isPresent()) {
            statement = PolicyJson.withPrincipal(statement, "*");
            statement = PolicyJson.withCondition(statement,
                    Map.of("StringEquals", Map.of("aws:PrincipalOrgID", settings.organizationId().get())));
        } else {
            List<String> roots = settings.spokeAccountIds().stream().map(id -> "arn:aws:iam::" + id + ":root").toList();
            statement = PolicyJson.withPrincipal(statement, Map.of("AWS", roots));
        }
        return PolicyJson.document(List.of(statement));
    }

    /** SQS queue policy: EventBridge may send to the queue, but only on behalf of this one rule. */
    private static void allowRuleToSend(String resourceName, Queue queue, EventRule rule, Resource parent) {
        Output<String> policy = Output.tuple(queue.arn(), rule.arn()).applyValue(t -> {
            Map<String, Object> statement = PolicyJson.allow("HubRuleSends", List.of("sqs:SendMessage"), List.of(t.t1));
            statement = PolicyJson.withPrincipal(statement, Map.of("Service", "events.amazonaws.com"));
            Map<String, Object> condition = new LinkedHashMap<>();
            condition.put("ArnEquals", Map.of("aws:SourceArn", t.t2));
            return PolicyJson.document(List.of(PolicyJson.withCondition(statement, condition)));
        });
        new QueuePolicy(resourceName, QueuePolicyArgs.builder().queueUrl(queue.url()).policy(policy).build(),
                Children.of(parent));
    }
}

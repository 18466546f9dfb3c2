package dev.offhours.pulumi.hub;

import com.pulumi.aws.dynamodb.Table;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.core.Output;
import dev.offhours.core.notify.HubSignals;
import dev.offhours.pulumi.PolicyJson;
import dev.offhours.pulumi.Children;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The role the hub runs as: the ECS task role of the service, and the execution role of the Lambda worker. It may
 * assume exactly one role name in other accounts ({@code arn:aws:iam::*:role/<spokeRoleName>}); the ExternalId it
 * must pass is enforced where it belongs, in each spoke role's trust policy. Everything else is limited to the
 * hub's own tables, queues and metric namespace.
 */
public final class HubRole {

    /** CloudWatch namespace of the service's own metrics (see {@link HubSignals}). */
    public static final String METRICS_NAMESPACE = HubSignals.NAMESPACE;

    /** The role and its permissions; whatever runs as the role must wait for the policy. */
    public record Identity(Role role, RolePolicy policy) {
    }

    private HubRole() {
    }

    public static Identity declare(HubSettings settings, HubTables.Tables tables, HubQueues.Queues queues,
                                   HubEventBus.Bus bus, Resource parent) {
        String prefix = settings.prefix();
        Role role = new Role(prefix + "hub-role", RoleArgs.builder()
                .name(prefix + "hub")
                .description("offhours hub: assumes " + settings.spokeRoleName() + " in spoke accounts")
                // any ARN of this stack names the account and region the runtimes must come from
                .assumeRolePolicy(queues.work().arn().applyValue(arn -> trustPolicy(arn, prefix)))
                .maxSessionDuration(3600)
                .build(), Children.of(parent));
        List<Output<String>> tableArns = tables.all().stream().map(Table::arn).toList();
        List<Output<String>> queueArns = List.of(queues.work(), queues.workDeadLetters(), queues.events(),
                queues.eventsDeadLetters()).stream().map(Queue::arn).toList();
        Output<String> policy = Output.tuple(Output.all(tableArns), Output.all(queueArns), bus.bus().arn())
                .applyValue(t -> permissions(settings, t.t1, t.t2, t.t3));
        RolePolicy rolePolicy = new RolePolicy(prefix + "hub-role-policy", RolePolicyArgs.builder()
                .name(prefix + "hub")
                .role(role.id())
                .policy(policy)
                .build(), Children.of(parent));
        return new Identity(role, rolePolicy);
    }

    /**
     * The service runs on ECS (task role) or as the Lambda worker (execution role); nothing else may assume it. Each
     * service principal only on behalf of this account's own tasks or this hub's functions ({@code aws:SourceAccount}
     * and {@code aws:SourceArn}, AWS's cross-service confused-deputy conditions): another account's ECS task or
     * Lambda function that names this role gets nothing.
     *
     * @param stackArn any ARN of the hub stack, for its partition, region and account
     */
    static String trustPolicy(String stackArn, String prefix) {
        String[] arn = stackArn.split(":", 6);
        String partition = arn[1];
        String region = arn[3];
        String account = arn[4];
        return PolicyJson.document(List.of(
                runtime("EcsTasksOfThisAccount", "ecs-tasks.amazonaws.com", account,
                        "arn:" + partition + ":ecs:" + region + ":" + account + ":*"),
                runtime("LambdaWorkerOfThisHub", "lambda.amazonaws.com", account,
                        "arn:" + partition + ":lambda:" + region + ":" + account + ":function:" + prefix + "*")));
    }

    private static Map<String, Object> runtime(String sid, String service, String account, String sourceArn) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("StringEquals", Map.of("aws:SourceAccount", account));
        condition.put("ArnLike", Map.of("aws:SourceArn", sourceArn));
        Map<String, Object> statement = PolicyJson.trust(sid, Map.of("Service", service));
        statement.put("Condition", condition);
        return statement;
    }

    /** The spoke role's ARN in every account: the only role the hub may assume. */
    public static String spokeRoleArnPattern(String spokeRoleName) {
        return "arn:aws:iam::*:role/" + spokeRoleName;
    }

    static String permissions(HubSettings settings, List<String> tableArns, List<String> queueArns,
                              String busArn) {
        List<String> tablesAndIndexes = new ArrayList<>();
        tableArns.forEach(arn -> {
            tablesAndIndexes.add(arn);
            tablesAndIndexes.add(arn + "/index/*");
        });
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(PolicyJson.allow("AssumeSpokeRoles", List.of("sts:AssumeRole"),
                List.of(spokeRoleArnPattern(settings.spokeRoleName()))));
        statements.add(PolicyJson.allow("HubTables", List.of("dynamodb:GetItem", "dynamodb:BatchGetItem",
                "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable"), tablesAndIndexes));
        statements.add(PolicyJson.allow("HubQueues", List.of("sqs:SendMessage", "sqs:ReceiveMessage",
                "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"),
                queueArns));
        statements.add(PolicyJson.withCondition(
                PolicyJson.allow("OwnMetrics", List.of("cloudwatch:PutMetricData"), List.of("*")),
                Map.of("StringEquals", Map.of("cloudwatch:namespace", METRICS_NAMESPACE))));
        // offhours' own events (finished transitions, account health) on the hub bus, and only there
        statements.add(PolicyJson.allow("OwnEvents", List.of("events:PutEvents"), List.of(busArn)));
        statements.add(PolicyJson.allow("OwnLogs", List.of("logs:CreateLogGroup", "logs:CreateLogStream",
                "logs:PutLogEvents"), List.of("arn:aws:logs:*:*:log-group:/aws/lambda/" + settings.prefix() + "*",
                "arn:aws:logs:*:*:log-group:/aws/lambda/" + settings.prefix() + "*:*")));
        return PolicyJson.document(statements);
    }
}

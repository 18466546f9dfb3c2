package dev.offhours.pulumi.hub;

import static dev.offhours.pulumi.MockedStack.arn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offhours.core.notify.HubSignals;
import dev.offhours.pulumi.MockedStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queues, bus, hub role and alarms of the hub stack (service mode, organization-wide bus policy). */
class HubStackTest {

    private static MockedStack.Run run;

    @BeforeAll
    static void runHub() {
        Map<String, String> config = HubFixtures.organizationConfig();
        config.put("workQueueMaxReceiveCount", "7");
        run = HubFixtures.run(config);
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
    }

    @Test
    void workAndEventsQueuesRedriveToTheirOwnDeadLetterQueues() {
        JsonNode work = queue("offhours-work").json("redrivePolicy");
        assertThat(work.get("deadLetterTargetArn").asText()).isEqualTo(arn("aws:sqs/queue:Queue", "offhours-work-dlq"));
        assertThat(work.get("maxReceiveCount").asInt()).isEqualTo(7);
        JsonNode events = queue("offhours-events").json("redrivePolicy");
        assertThat(events.get("deadLetterTargetArn").asText())
                .isEqualTo(arn("aws:sqs/queue:Queue", "offhours-events-dlq"));
        assertThat(events.get("maxReceiveCount").asInt()).isEqualTo(5);
    }

    @Test
    void everyQueueIsEncryptedAndDeadLettersAreKeptFourteenDays() {
        assertThat(run.ofType("aws:sqs/queue:Queue")).hasSize(4)
                .allSatisfy(q -> assertThat(q.inputs()).containsEntry("sqsManagedSseEnabled", true));
        for (String dlq : List.of("offhours-work-dlq", "offhours-events-dlq")) {
            assertThat(((Number) queue(dlq).inputs().get("messageRetentionSeconds")).intValue()).isEqualTo(1_209_600);
        }
    }

    @Test
    void onlyAccountsOfTheOrganizationMayPutEventsOnTheHubBus() {
        JsonNode statements = run.ofType("aws:cloudwatch/eventBusPolicy:EventBusPolicy").get(0).json("policy")
                .get("Statement");
        assertThat(statements).hasSize(1);
        JsonNode statement = statements.get(0);
        assertThat(statement.get("Action").toString()).isEqualTo("[\"events:PutEvents\"]");
        assertThat(statement.get("Resource").asText())
                .isEqualTo(arn("aws:cloudwatch/eventBus:EventBus", "offhours-hub"));
        assertThat(statement.at("/Condition/StringEquals/aws:PrincipalOrgID").asText())
                .isEqualTo(HubFixtures.ORGANIZATION);
    }

    @Test
    void theHubRuleSendsSpokeEventsFromTheHubBusToTheEventsQueue() {
        MockedStack.Declared rule = run.withInput("aws:cloudwatch/eventRule:EventRule", "name", "offhours-spoke-events");
        assertThat(rule.string("eventBusName")).isEqualTo("offhours-hub");
        assertThat(rule.json("eventPattern").get("source").toString())
                .isEqualTo("[\"aws.autoscaling\",\"aws.eks\"]");
        MockedStack.Declared target = run.ofType("aws:cloudwatch/eventTarget:EventTarget").get(0);
        assertThat(target.string("rule")).isEqualTo("offhours-spoke-events");
        assertThat(target.string("eventBusName")).isEqualTo("offhours-hub");
        assertThat(target.string("arn")).isEqualTo(arn("aws:sqs/queue:Queue", "offhours-events"));
        assertThat(target.map("deadLetterConfig")).containsEntry("arn", arn("aws:sqs/queue:Queue", "offhours-events-dlq"));
    }

    @Test
    void eventBridgeMaySendToTheEventsQueuesOnlyForTheHubRule() {
        List<MockedStack.Declared> policies = run.ofType("aws:sqs/queuePolicy:QueuePolicy");
        assertThat(policies).extracting(p -> p.string("queueUrl")).containsExactlyInAnyOrder(
                "https://sqs.eu-central-1.amazonaws.com/123456789012/offhours-events",
                "https://sqs.eu-central-1.amazonaws.com/123456789012/offhours-events-dlq");
        for (MockedStack.Declared policy : policies) {
            JsonNode statement = policy.json("policy").get("Statement").get(0);
            assertThat(statement.at("/Principal/Service").asText()).isEqualTo("events.amazonaws.com");
            assertThat(statement.get("Action").toString()).isEqualTo("[\"sqs:SendMessage\"]");
            assertThat(statement.at("/Condition/ArnEquals/aws:SourceArn").asText())
                    .isEqualTo(arn("aws:cloudwatch/eventRule:EventRule", "offhours-spoke-events"));
        }
    }

    @Test
    void theHubRoleMayAssumeOnlyTheSpokeRoleNameInAnyAccount() {
        JsonNode statements = run.named("offhours-hub-role-policy").json("policy").get("Statement");
        List<String> stsResources = new ArrayList<>();
        for (JsonNode statement : statements) {
            boolean sts = statement.get("Action").toString().contains("sts:");
            if (sts) {
                assertThat(statement.get("Action").toString()).isEqualTo("[\"sts:AssumeRole\"]");
                stsResources.add(statement.get("Resource").asText());
            }
        }
        assertThat(stsResources).containsExactly("arn:aws:iam::*:role/offhours-spoke");
    }

    @Test
    void theHubRoleReachesOnlyItsOwnTablesQueuesAndMetricNamespace() {
        for (JsonNode statement : run.named("offhours-hub-role-policy").json("policy").get("Statement")) {
            if (statement.get("Resource").toString().equals("\"*\"")) {
                assertThat(statement.get("Action").toString()).isEqualTo("[\"cloudwatch:PutMetricData\"]");
                assertThat(statement.at("/Condition/StringEquals/cloudwatch:namespace").asText()).isEqualTo("Offhours");
            }
        }
        JsonNode tables = statement("HubTables");
        assertThat(tables.get("Resource")).hasSize(6);
        assertThat(tables.get("Resource").toString()).contains(arn("aws:dynamodb/table:Table", "offhours-inventory")
                + "/index/*");
        assertThat(statement("HubQueues").get("Resource")).hasSize(4);
    }

    @Test
    void theHubRoleTrustsOnlyTheEcsTasksOfItsAccountAndItsOwnLambdaFunctions() {
        JsonNode trust = run.withInput("aws:iam/role:Role", "name", "offhours-hub").json("assumeRolePolicy");
        assertThat(trust.get("Statement")).hasSize(2);
        JsonNode ecs = trust.at("/Statement/0");
        assertThat(ecs.at("/Principal/Service").asText()).isEqualTo("ecs-tasks.amazonaws.com");
        assertThat(ecs.at("/Condition/StringEquals/aws:SourceAccount").asText()).isEqualTo(MockedStack.ACCOUNT);
        assertThat(ecs.at("/Condition/ArnLike/aws:SourceArn").asText())
                .isEqualTo("arn:aws:ecs:" + MockedStack.REGION + ":" + MockedStack.ACCOUNT + ":*");
        JsonNode lambda = trust.at("/Statement/1");
        assertThat(lambda.at("/Principal/Service").asText()).isEqualTo("lambda.amazonaws.com");
        assertThat(lambda.at("/Condition/StringEquals/aws:SourceAccount").asText()).isEqualTo(MockedStack.ACCOUNT);
        String functions = lambda.at("/Condition/ArnLike/aws:SourceArn").asText();
        assertThat(functions).isEqualTo("arn:aws:lambda:" + MockedStack.REGION + ":" + MockedStack.ACCOUNT
                + ":function:offhours-*");
        assertThat(trust.toString()).as("no unconditioned statement").doesNotContain("\"Service\":[");
    }

    @Test
    void theLambdaWorkerMatchesTheTrustsSourceArn() {
        MockedStack.Run lambda = HubFixtures.run(HubFixtures.lambdaConfig());
        JsonNode trust = lambda.withInput("aws:iam/role:Role", "name", "offhours-hub").json("assumeRolePolicy");
        String pattern = trust.at("/Statement/1/Condition/ArnLike/aws:SourceArn").asText();
        String function = arn("aws:lambda/function:Function",
                lambda.ofType("aws:lambda/function:Function").get(0).string("name"));
        assertThat(function).matches(pattern.replace("*", ".*"));
    }

    @Test
    void deadLetterQueuesAndFailedOperationsAlarmToTheTopic() {
        String topic = arn("aws:sns/topic:Topic", "offhours-alarms");
        List<MockedStack.Declared> alarms = run.ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
        assertThat(alarms).extracting(a -> a.string("name")).containsExactlyInAnyOrder(
                "offhours-work-dlq-not-empty", "offhours-events-dlq-not-empty", "offhours-operations-failed",
                "offhours-work-items-dead-lettered", "offhours-schedules-not-converged", "offhours-accounts-degraded");
        assertThat(alarms).allSatisfy(a -> assertThat(a.inputs().get("alarmActions")).isEqualTo(List.of(topic)));
        MockedStack.Declared workDlq = run.withInput("aws:cloudwatch/metricAlarm:MetricAlarm", "name",
                "offhours-work-dlq-not-empty");
        assertThat(workDlq.string("namespace")).isEqualTo("AWS/SQS");
        assertThat(workDlq.map("dimensions")).containsEntry("QueueName", "offhours-work-dlq");
        MockedStack.Declared failed = run.withInput("aws:cloudwatch/metricAlarm:MetricAlarm", "name",
                "offhours-operations-failed");
        assertThat(failed.string("namespace")).isEqualTo(HubRole.METRICS_NAMESPACE);
        assertThat(failed.string("metricName")).isEqualTo(HubAlarms.FAILED_OPERATIONS_METRIC);
        // every alarm on offhours' own namespace watches a metric the service or the Lambda worker publishes
        assertThat(alarms).filteredOn(a -> HubSignals.NAMESPACE.equals(a.string("namespace")))
                .extracting(a -> a.string("metricName") + " " + a.string("statistic"))
                .containsExactlyInAnyOrder(HubSignals.OPERATIONS_FAILED + " Sum",
                        HubSignals.WORK_ITEMS_DEAD_LETTERED + " Sum", HubSignals.SCHEDULES_NOT_CONVERGED + " Maximum",
                        HubSignals.ACCOUNTS_DEGRADED + " Maximum");
    }

    @Test
    void theHubRolePutsEventsOnTheHubBusOnly() {
        JsonNode events = statement("OwnEvents");
        assertThat(events.get("Action").toString()).contains("events:PutEvents");
        assertThat(events.get("Resource").toString()).contains(arn("aws:cloudwatch/eventBus:EventBus", "offhours-hub"));
    }

    @Test
    void serviceModeDeclaresNoLambdaWorker() {
        assertThat(run.ofType("aws:lambda/function:Function")).isEmpty();
        assertThat(run.ofType("aws:lambda/eventSourceMapping:EventSourceMapping")).isEmpty();
    }

    private static MockedStack.Declared queue(String name) {
        return run.withInput("aws:sqs/queue:Queue", "name", name);
    }

    private static JsonNode statement(String sid) {
        for (JsonNode statement : run.named("offhours-hub-role-policy").json("policy").get("Statement")) {
            if (statement.get("Sid").asText().equals(sid)) {
                return statement;
            }
        }
        throw new AssertionError("no statement " + sid);
    }
}

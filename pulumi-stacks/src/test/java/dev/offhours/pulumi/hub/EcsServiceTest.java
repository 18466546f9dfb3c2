package dev.offhours.pulumi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offhours.pulumi.MockedStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The hub service on ECS Fargate (serviceMode ecs), on the mocks. */
class EcsServiceTest {

    private static MockedStack.Run run;

    @BeforeAll
    static void runHub() {
        run = HubFixtures.run(HubFixtures.ecsConfig());
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
    }

    @Test
    void theTaskRunsAsTheHubRoleAndStartsWithASeparateExecutionRole() {
        MockedStack.Declared task = run.ofType("aws:ecs/taskDefinition:TaskDefinition").get(0);
        assertThat(task.string("taskRoleArn")).isEqualTo(MockedStack.arn("aws:iam/role:Role", "offhours-hub"));
        assertThat(task.string("executionRoleArn"))
                .isEqualTo(MockedStack.arn("aws:iam/role:Role", "offhours-hub-execution"));
        assertThat(task.inputs().get("requiresCompatibilities")).isEqualTo(List.of("FARGATE"));
        assertThat(task.string("networkMode")).isEqualTo("awsvpc");
        assertThat(container().path("image").asText()).isEqualTo(HubFixtures.IMAGE);
    }

    @Test
    void theExecutionRoleReadsExactlyTheServicesSecretsAndWritesOnlyItsLogGroup() {
        JsonNode statements = run.named("offhours-hub-execution-policy").json("policy").get("Statement");
        Map<String, String> resourcesBySid = new java.util.TreeMap<>();
        for (JsonNode statement : statements) {
            resourcesBySid.put(statement.get("Sid").asText(), statement.get("Action") + " " + statement.get("Resource"));
        }
        assertThat(resourcesBySid).containsOnlyKeys("ServiceParameters", "ServiceSecrets", "ServiceLogs", "EcrLogin",
                "PullTheImage");
        assertThat(resourcesBySid.get("ServiceParameters")).isEqualTo("[\"ssm:GetParameters\"] [\""
                + HubFixtures.EXTERNAL_ID_PARAMETER + "\",\"" + HubFixtures.API_TOKEN_PARAMETER + "\"]");
        assertThat(resourcesBySid.get("ServiceSecrets")).isEqualTo("[\"secretsmanager:GetSecretValue\"] \""
                + HubFixtures.GIT_TOKEN_SECRET + "\"");
        assertThat(resourcesBySid.get("ServiceLogs")).endsWith(":log-group:/ecs/offhours-hub:*\"");
        assertThat(resourcesBySid.get("PullTheImage"))
                .endsWith("\"arn:aws:ecr:eu-central-1:123456789012:repository/offhours\"");
        JsonNode trust = run.withInput("aws:iam/role:Role", "name", "offhours-hub-execution").json("assumeRolePolicy");
        assertThat(trust.at("/Statement/0/Principal/Service").asText()).isEqualTo("ecs-tasks.amazonaws.com");
        assertThat(trust.at("/Statement/0/Condition/StringEquals/aws:SourceAccount").asText())
                .isEqualTo(MockedStack.ACCOUNT);
    }

    @Test
    void secretsReachTheContainerOnlyAsReferencesAndTheConfigurationNamesThemAsVariables() {
        JsonNode container = container();
        List<String> secrets = new ArrayList<>();
        container.path("secrets").forEach(s -> secrets.add(s.get("name").asText() + "=" + s.get("valueFrom").asText()));
        assertThat(secrets).containsExactly("OFFHOURS_EXTERNAL_ID=" + HubFixtures.EXTERNAL_ID_PARAMETER,
                "OFFHOURS_API_TOKEN_SHA256=" + HubFixtures.API_TOKEN_PARAMETER,
                "OFFHOURS_GIT_TOKEN=" + HubFixtures.GIT_TOKEN_SECRET);
        assertThat(container.path("environment")).hasSize(1);
        Map<String, Object> config = config();
        assertThat(section(config, "aws")).containsEntry("externalId", "${OFFHOURS_EXTERNAL_ID}");
        assertThat(section(config, "git")).containsEntry("token", "${OFFHOURS_GIT_TOKEN}")
                .containsEntry("webhookSecret", "");
        assertThat(section(config, "api").get("tokenSha256")).isEqualTo(List.of("${OFFHOURS_API_TOKEN_SHA256}"));
    }

    @Test
    void theGeneratedConfigurationNamesTheStacksQueuesTablesAndRegion() {
        Map<String, Object> config = config();
        assertThat(section(config, "dispatch")).containsEntry("workQueueUrl",
                "https://sqs.eu-central-1.amazonaws.com/123456789012/offhours-work");
        assertThat(section(config, "events")).containsEntry("enabled", true).containsEntry("queueUrl",
                "https://sqs.eu-central-1.amazonaws.com/123456789012/offhours-events");
        assertThat(section(config, "workers")).containsEntry("enabled", true);
        assertThat(section(config, "store")).containsEntry("type", "dynamodb")
                .containsEntry("inventoryTable", "offhours-inventory").containsEntry("createTables", false);
        assertThat(section(config, "aws")).containsEntry("hubRegion", MockedStack.REGION)
                .containsEntry("spokeRoleName", "offhours-spoke");
        assertThat(section(config, "git")).containsEntry("url", "https://github.com/acme/offhours-schedules.git")
                .containsEntry("branch", "main");
    }

    @Test
    void theAdminPortListensOnLoopbackAndOnlyTheContainerHealthCheckAsksIt() {
        Map<String, Object> server = section(config(), "server");
        assertThat(server.get("adminConnectors").toString()).contains("port=8081").contains("bindHost=127.0.0.1");
        JsonNode check = container().path("healthCheck");
        assertThat(check.path("command").get(0).asText()).isEqualTo("CMD");
        assertThat(check.path("command").toString()).contains("/dev/tcp/127.0.0.1/8081").contains("GET /healthcheck");
        assertThat(container().path("portMappings").toString()).contains("8080").doesNotContain("8081");
        for (MockedStack.Declared group : run.ofType("aws:ec2/securityGroup:SecurityGroup")) {
            assertThat(String.valueOf(group.inputs().get("ingress"))).doesNotContain("8081");
        }
    }

    @Test
    void withoutALoadBalancerOrIngressCidrsNothingMayReachTheTasks() {
        MockedStack.Declared tasks = run.withInput("aws:ec2/securityGroup:SecurityGroup", "name", "offhours-hub-tasks");
        assertThat((List<?>) tasks.inputs().getOrDefault("ingress", List.of())).isEmpty();
        assertThat(tasks.string("vpcId")).isEqualTo("vpc-0a1b2c3d4e5f60718");
        assertThat(run.ofType("aws:lb/loadBalancer:LoadBalancer")).isEmpty();
    }

    @Test
    void oneTaskInTheGivenPrivateSubnetsWithoutAPublicAddress() {
        MockedStack.Declared service = run.ofType("aws:ecs/service:Service").get(0);
        assertThat(((Number) service.inputs().get("desiredCount")).intValue()).isEqualTo(1);
        assertThat(service.string("launchType")).isEqualTo("FARGATE");
        Map<String, Object> network = service.map("networkConfiguration");
        assertThat(network).containsEntry("assignPublicIp", false).containsEntry("subnets",
                List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"));
        assertThat(service.string("cluster")).isEqualTo(MockedStack.arn("aws:ecs/cluster:Cluster", "offhours-hub"));
    }

    @Test
    void theLogGroupKeepsLogsThirtyDaysByDefault() {
        MockedStack.Declared logs = run.ofType("aws:cloudwatch/logGroup:LogGroup").get(0);
        assertThat(logs.string("name")).isEqualTo("/ecs/offhours-hub");
        assertThat(((Number) logs.inputs().get("retentionInDays")).intValue()).isEqualTo(30);
        assertThat(container().at("/logConfiguration/options/awslogs-group").asText()).isEqualTo("/ecs/offhours-hub");
    }

    @Test
    void fewerRunningTasksThanDesiredAlarmsToTheTopic() {
        MockedStack.Declared alarm = run.withInput("aws:cloudwatch/metricAlarm:MetricAlarm", "name",
                "offhours-service-tasks-missing");
        assertThat(alarm.string("namespace")).isEqualTo("ECS/ContainerInsights");
        assertThat(alarm.string("metricName")).isEqualTo("RunningTaskCount");
        assertThat(alarm.map("dimensions")).containsEntry("ClusterName", "offhours-hub")
                .containsEntry("ServiceName", "offhours-hub");
        assertThat(((Number) alarm.inputs().get("threshold")).doubleValue()).isEqualTo(1.0);
        assertThat(alarm.string("comparisonOperator")).isEqualTo("LessThanThreshold");
        assertThat(alarm.inputs().get("alarmActions")).isEqualTo(List.of(MockedStack.arn("aws:sns/topic:Topic",
                "offhours-alarms")));
    }

    static JsonNode container() {
        return run.ofType("aws:ecs/taskDefinition:TaskDefinition").get(0).json("containerDefinitions").get(0);
    }

    static Map<String, Object> config() {
        return configOf(run);
    }

    static Map<String, Object> configOf(MockedStack.Run run) {
        JsonNode container = run.ofType("aws:ecs/taskDefinition:TaskDefinition").get(0).json("containerDefinitions")
                .get(0);
        for (JsonNode variable : container.path("environment")) {
            if (variable.path("name").asText().equals(HubContainer.CONFIG_VARIABLE)) {
                return new Yaml().load(variable.path("value").asText());
            }
        }
        throw new AssertionError("no " + HubContainer.CONFIG_VARIABLE + " in " + container);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> config, String name) {
        return (Map<String, Object>) config.get(name);
    }
}

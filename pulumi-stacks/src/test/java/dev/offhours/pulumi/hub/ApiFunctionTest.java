package dev.offhours.pulumi.hub;

import static dev.offhours.pulumi.MockedStack.arn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offhours.pulumi.MockedStack;
import dev.offhours.pulumi.StackConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** apiMode: lambda — the status API function behind an API Gateway HTTP API; ecs and none declare no such thing. */
class ApiFunctionTest {

    private static final String FUNCTION = "aws:lambda/function:Function";
    private static MockedStack.Run run;

    @BeforeAll
    static void runHub() {
        run = HubFixtures.run(HubFixtures.lambdaApiConfig());
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
    }

    private static MockedStack.Declared function() {
        return run.withInput(FUNCTION, "name", "offhours-api");
    }

    @Test
    void theFunctionRunsTheApiHandlerWithTheTablesAndTokenHashesItReads() {
        MockedStack.Declared function = function();
        assertThat(function.string("handler"))
                .isEqualTo("dev.offhours.reconciler.lambda.StatusApiFunction::handleRequest");
        assertThat(function.string("runtime")).isEqualTo("java17");
        assertThat(function.string("role")).isEqualTo(arn("aws:iam/role:Role", "offhours-api"));
        assertThat(((Number) function.inputs().get("timeout")).intValue()).isEqualTo(15);
        assertThat(((Number) function.inputs().get("memorySize")).intValue()).isEqualTo(1024);
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) function.map("environment").get("variables");
        assertThat(variables).containsEntry("OFFHOURS_CONTROL_TABLE", "offhours-control")
                .containsEntry("OFFHOURS_INVENTORY_TABLE", "offhours-inventory")
                .containsEntry("OFFHOURS_OPERATIONS_TABLE", "offhours-operations")
                .containsEntry("OFFHOURS_API_TOKEN_SHA256", HubFixtures.API_TOKEN_SHA256)
                .doesNotContainKey("AWS_REGION").doesNotContainKey("OFFHOURS_EXTERNAL_ID");
    }

    @Test
    void theFunctionsRoleReadsTheThreeTablesAndTheirIndexesAndWritesItsOwnLogsOnly() {
        JsonNode trust = run.withInput("aws:iam/role:Role", "name", "offhours-api").json("assumeRolePolicy");
        assertThat(trust.at("/Statement").size()).isEqualTo(1);
        assertThat(trust.at("/Statement/0/Principal/Service").asText()).isEqualTo("lambda.amazonaws.com");

        JsonNode policy = run.withInput("aws:iam/rolePolicy:RolePolicy", "name", "offhours-api").json("policy");
        List<String> actions = new ArrayList<>();
        policy.at("/Statement").forEach(s -> s.path("Action").forEach(a -> actions.add(a.asText())));
        assertThat(actions).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:Query", "logs:CreateLogStream",
                "logs:PutLogEvents");
        List<String> tables = new ArrayList<>();
        policy.at("/Statement/0/Resource").forEach(r -> tables.add(r.asText()));
        List<String> expected = new ArrayList<>();
        for (String table : List.of("offhours-operations", "offhours-inventory", "offhours-control")) {
            expected.add(arn("aws:dynamodb/table:Table", table));
            expected.add(arn("aws:dynamodb/table:Table", table) + "/index/*");
        }
        assertThat(tables).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(policy.at("/Statement/1/Resource").toString()).isEqualTo("\""
                + arn("aws:cloudwatch/logGroup:LogGroup", "/aws/lambda/offhours-api") + ":*\"");
        assertThat(policy.toString()).doesNotContain("\"*\"").doesNotContain("dynamodb:*").doesNotContain("dynamodb:Put");
    }

    @Test
    void anHttpApiProxiesEveryRouteToTheFunctionWithPayloadTwoOnAnAutoDeployedDefaultStage() {
        MockedStack.Declared api = run.ofType("aws:apigatewayv2/api:Api").get(0);
        assertThat(api.string("protocolType")).isEqualTo("HTTP");
        MockedStack.Declared integration = run.ofType("aws:apigatewayv2/integration:Integration").get(0);
        assertThat(integration.string("integrationType")).isEqualTo("AWS_PROXY");
        assertThat(integration.string("payloadFormatVersion")).isEqualTo("2.0");
        assertThat(integration.string("integrationUri")).contains(arn(FUNCTION, "offhours-api")).endsWith("/invocations");
        MockedStack.Declared route = run.ofType("aws:apigatewayv2/route:Route").get(0);
        assertThat(route.string("routeKey")).isEqualTo("$default");
        assertThat(route.string("target")).isEqualTo("integrations/offhours-api-integration-id");
        MockedStack.Declared stage = run.ofType("aws:apigatewayv2/stage:Stage").get(0);
        assertThat(stage.string("name")).isEqualTo("$default");
        assertThat(stage.inputs().get("autoDeploy")).isEqualTo(true);
        assertThat(((Number) stage.map("defaultRouteSettings").get("throttlingBurstLimit")).intValue()).isEqualTo(40);
    }

    @Test
    void onlyThisApiMayInvokeTheFunctionAndItsLogsAreKeptThirtyDays() {
        MockedStack.Declared permission = run.ofType("aws:lambda/permission:Permission").get(0);
        assertThat(permission.string("action")).isEqualTo("lambda:InvokeFunction");
        assertThat(permission.string("principal")).isEqualTo("apigateway.amazonaws.com");
        assertThat(permission.string("sourceArn"))
                .isEqualTo("arn:aws:execute-api:eu-central-1:123456789012:offhours-api-http-id/*/*");
        MockedStack.Declared logs = run.withInput("aws:cloudwatch/logGroup:LogGroup", "name", "/aws/lambda/offhours-api");
        assertThat(((Number) logs.inputs().get("retentionInDays")).intValue()).isEqualTo(30);
    }

    @Test
    void withTheServiceOnEcsTheApiStaysInTheServiceUnlessLambdaIsAsked() {
        MockedStack.Run ecs = HubFixtures.run(HubFixtures.ecsConfig());
        assertThat(ecs.result().exitCode()).as(ecs.errors()).isZero();
        assertThat(ecs.ofType("aws:apigatewayv2/api:Api")).isEmpty();
        assertThat(HubSettings.from(StackConfig.ofMap(HubFixtures.ecsConfig())).api().mode())
                .isEqualTo(ApiFunctionSettings.Mode.ECS);

        Map<String, String> both = HubFixtures.ecsConfig();
        both.putAll(Map.of("apiMode", "lambda", "apiTokenSha256", HubFixtures.API_TOKEN_SHA256));
        MockedStack.Run lambda = HubFixtures.run(both);
        assertThat(lambda.result().exitCode()).as(lambda.errors()).isZero();
        assertThat(lambda.ofType("aws:apigatewayv2/api:Api")).hasSize(1);
        assertThat(lambda.ofType("aws:ecs/service:Service")).hasSize(1);
    }

    @Test
    void theFunctionFlagsMissingEventsOnlyWhenTheServiceReadsThem() {
        Map<String, String> config = HubFixtures.ecsConfig();
        config.putAll(Map.of("apiMode", "lambda", "apiTokenSha256", HubFixtures.API_TOKEN_SHA256,
                "serviceEventsEnabled", "false"));
        assertThat(HubSettings.from(StackConfig.ofMap(config)).api().function().orElseThrow().eventsEnabled()).isFalse();
        assertThat(HubSettings.from(StackConfig.ofMap(HubFixtures.lambdaApiConfig())).api().function().orElseThrow()
                .eventsEnabled()).isTrue();
    }

    @Test
    void withoutAServiceTheDefaultIsNoApi() {
        MockedStack.Run none = HubFixtures.run(HubFixtures.organizationConfig());
        assertThat(none.result().exitCode()).as(none.errors()).isZero();
        assertThat(none.ofType("aws:apigatewayv2/api:Api")).isEmpty();
        assertThat(none.ofType(FUNCTION)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "apiMode             | fargate | apiMode must be 'lambda'",
        "apiTimeoutSeconds   | 31      | apiTimeoutSeconds must be between 1 and 30",
        "apiMemoryMb         | 64      | apiMemoryMb must be between 128 and 10240",
        "apiLogRetentionDays | 31      | apiLogRetentionDays must be one of CloudWatch's retention periods",
        "apiThrottleBurst    | 0       | apiThrottleBurst must be between 1 and 5000",
    })
    void aWrongApiSettingIsRefusedByName(String key, String value, String message) {
        Map<String, String> config = HubFixtures.lambdaApiConfig();
        config.put(key, value);
        assertThatThrownBy(() -> HubSettings.from(StackConfig.ofMap(config)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void lambdaWithoutTokenHashesIsRefusedAndNothingIsDeclared() {
        Map<String, String> config = HubFixtures.lambdaApiConfig();
        config.remove("apiTokenSha256");
        MockedStack.Run refused = HubFixtures.run(config);
        assertThat(refused.result().exitCode()).isNotZero();
        assertThat(refused.result().exceptions()).anySatisfy(e -> assertThat(e)
                .hasStackTraceContaining("apiMode lambda needs apiTokenSha256"));
        assertThat(refused.ofType(FUNCTION)).isEmpty();
    }

    @Test
    void ecsWithoutTheServiceIsRefused() {
        Map<String, String> config = HubFixtures.organizationConfig();
        config.put("apiMode", "ecs");
        assertThatThrownBy(() -> HubSettings.from(StackConfig.ofMap(config)))
                .hasMessageContaining("apiMode ecs serves the API from the hub service on ECS, which is not declared");
    }

    @Test
    void theStageBelongsToTheApiAndItsServerErrorsRaiseAnAlarm() {
        MockedStack.Declared stage = run.ofType("aws:apigatewayv2/stage:Stage").get(0);
        assertThat(stage.string("apiId")).isEqualTo("offhours-api-http-id");
        MockedStack.Declared alarm = run.withInput("aws:cloudwatch/metricAlarm:MetricAlarm", "name", "offhours-api-5xx");
        assertThat(alarm.string("namespace")).isEqualTo("AWS/ApiGateway");
        assertThat(alarm.map("dimensions")).containsEntry("ApiId", "offhours-api-http-id")
                .containsEntry("Stage", "$default");
    }
}

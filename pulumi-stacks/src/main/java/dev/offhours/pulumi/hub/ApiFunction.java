package dev.offhours.pulumi.hub;

import com.pulumi.asset.FileArchive;
import com.pulumi.aws.apigatewayv2.Api;
import com.pulumi.aws.apigatewayv2.ApiArgs;
import com.pulumi.aws.apigatewayv2.Integration;
import com.pulumi.aws.apigatewayv2.IntegrationArgs;
import com.pulumi.aws.apigatewayv2.Route;
import com.pulumi.aws.apigatewayv2.RouteArgs;
import com.pulumi.aws.apigatewayv2.Stage;
import com.pulumi.aws.apigatewayv2.StageArgs;
import com.pulumi.aws.apigatewayv2.inputs.StageDefaultRouteSettingsArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.dynamodb.Table;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.offhours.pulumi.Children;
import dev.offhours.pulumi.PolicyJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code apiMode: lambda}: the status API and the dashboard as a Lambda function (the reconciler's
 * {@code offhours-api-lambda.jar}) behind an API Gateway HTTP API: a Lambda proxy integration (payload format 2.0),
 * the {@code $default} route and an auto-deployed {@code $default} stage with throttling. The function has its own
 * role: read-only on the hub's three tables and their indexes (GetItem, Query), its own log group; nothing else.
 */
public final class ApiFunction {

    public static final String HANDLER = "dev.offhours.reconciler.lambda.StatusApiFunction::handleRequest";

    public record Declared(Function function, Role role, RolePolicy policy, LogGroup logs, Api api,
                           Integration integration, Route route, Stage stage, Permission permission) {
    }

    private ApiFunction() {
    }

    public static Declared declare(HubSettings settings, ApiFunctionSettings.Function api, HubTables.Tables tables,
                                   Resource parent) {
        String prefix = settings.prefix();
        String name = prefix + "api";
        LogGroup logs = new LogGroup(name + "-logs", LogGroupArgs.builder()
                .name("/aws/lambda/" + name)
                .retentionInDays(api.logRetentionDays())
                .build(), Children.of(parent));
        Role role = new Role(name + "-role", RoleArgs.builder()
                .name(name)
                .description("offhours status API function: reads the hub's tables, nothing else")
                .assumeRolePolicy(PolicyJson.document(List.of(
                        PolicyJson.trust("LambdaService", Map.of("Service", "lambda.amazonaws.com")))))
                .build(), Children.of(parent));
        List<Output<String>> tableArns = tables.all().stream().map(Table::arn).toList();
        RolePolicy policy = new RolePolicy(name + "-role-policy", RolePolicyArgs.builder()
                .name(name)
                .role(role.id())
                .policy(Output.tuple(Output.all(tableArns), logs.arn()).applyValue(t -> permissions(t.t1, t.t2)))
                .build(), Children.of(parent));
        Function function = new Function(name, FunctionArgs.builder()
                .name(name)
                .description("offhours status API and dashboard behind API Gateway")
                .runtime(LambdaWorker.RUNTIME)
                .handler(HANDLER)
                .code(new FileArchive(api.jarPath()))
                .role(role.arn())
                .memorySize(api.memoryMb())
                .timeout(api.timeoutSeconds())
                .environment(FunctionEnvironmentArgs.builder().variables(api.tokenSha256()
                        .applyValue(tokens -> environment(settings, api, tokens))).build())
                .build(), Children.after(parent, policy, logs));
        Api http = new Api(name + "-http", ApiArgs.builder()
                .name(name)
                .protocolType("HTTP")
                .description("offhours status API (/v1) and dashboard (/)")
                .build(), Children.of(parent));
        Integration integration = new Integration(name + "-integration", IntegrationArgs.builder()
                .apiId(http.id())
                .integrationType("AWS_PROXY")
                .integrationUri(function.invokeArn())
                .payloadFormatVersion("2.0")
                .timeoutMilliseconds(api.timeoutSeconds() * 1000)
                .build(), Children.of(parent));
        Route route = new Route(name + "-default-route", RouteArgs.builder()
                .apiId(http.id())
                .routeKey("$default")
                .target(integration.id().applyValue(id -> "integrations/" + id))
                .build(), Children.of(parent));
        Stage stage = new Stage(name + "-default-stage", StageArgs.builder()
                .apiId(http.id())
                .name("$default")
                .autoDeploy(true)
                .defaultRouteSettings(StageDefaultRouteSettingsArgs.builder()
                        .throttlingRateLimit((double) api.throttleRate())
                        .throttlingBurstLimit(api.throttleBurst()).build())
                .build(), Children.of(parent));
        Permission permission = new Permission(name + "-invoke", PermissionArgs.builder()
                .action("lambda:InvokeFunction")
                .function(function.name())
                .principal("apigateway.amazonaws.com")
                .sourceArn(http.executionArn().applyValue(arn -> arn + "/*/*"))
                .build(), Children.of(parent));
        return new Declared(function, role, policy, logs, http, integration, route, stage, permission);
    }

    /** What {@code LambdaApiSettings} reads; AWS_REGION is Lambda's own. */
    static Map<String, String> environment(HubSettings settings, ApiFunctionSettings.Function api, String tokens) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OFFHOURS_CONTROL_TABLE", settings.tables().control());
        env.put("OFFHOURS_INVENTORY_TABLE", settings.tables().inventory());
        env.put("OFFHOURS_OPERATIONS_TABLE", settings.tables().operations());
        env.put("OFFHOURS_API_TOKEN_SHA256", tokens);
        env.put("OFFHOURS_EVENTS_ENABLED", Boolean.toString(api.eventsEnabled()));
        // a small heap starts faster; tiered compilation stopped at C1 is AWS's advice for short Java functions
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        return env;
    }

    /** Read-only on the tables and their indexes, and writing to its own log group. */
    static String permissions(List<String> tableArns, String logGroupArn) {
        List<String> tablesAndIndexes = new ArrayList<>();
        tableArns.forEach(arn -> {
            tablesAndIndexes.add(arn);
            tablesAndIndexes.add(arn + "/index/*");
        });
        String group = logGroupArn.endsWith(":*") ? logGroupArn.substring(0, logGroupArn.length() - 2) : logGroupArn;
        return PolicyJson.document(List.of(
                PolicyJson.allow("ReadHubTables", List.of("dynamodb:GetItem", "dynamodb:Query"), tablesAndIndexes),
                PolicyJson.allow("OwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        List.of(group + ":*"))));
    }
}

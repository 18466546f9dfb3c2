package dev.offhours.pulumi.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.offhours.pulumi.MockedStack;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Prints what a program declared, one block per resource sorted by type and name (so two previews diff line by
 * line in a pull request): the type, the logical name, and the properties a reviewer checks for that type. Policy
 * documents and the container definitions are printed as indented JSON; environment values are not printed (only
 * their names), and the generated service configuration is printed in full (it holds no secret by construction).
 */
public final class ResourcePrinter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The key properties per resource type; any other type prints its name only. */
    static final Map<String, List<String>> KEY_PROPERTIES = Map.ofEntries(
            Map.entry("pulumi:providers:aws", List.of("region", "allowedAccountIds", "assumeRole")),
            Map.entry("aws:iam/role:Role", List.of("name", "assumeRolePolicy")),
            Map.entry("aws:iam/rolePolicy:RolePolicy", List.of("name", "policy")),
            Map.entry("aws:sqs/queue:Queue", List.of("name", "visibilityTimeoutSeconds", "messageRetentionSeconds",
                    "redrivePolicy", "sqsManagedSseEnabled")),
            Map.entry("aws:sqs/queuePolicy:QueuePolicy", List.of("queueUrl", "policy")),
            Map.entry("aws:dynamodb/table:Table", List.of("name", "hashKey", "rangeKey", "billingMode",
                    "globalSecondaryIndexes", "ttl", "deletionProtectionEnabled")),
            Map.entry("aws:cloudwatch/eventBus:EventBus", List.of("name")),
            Map.entry("aws:cloudwatch/eventBusPolicy:EventBusPolicy", List.of("policy")),
            Map.entry("aws:cloudwatch/eventRule:EventRule", List.of("name", "eventBusName", "eventPattern")),
            Map.entry("aws:cloudwatch/eventTarget:EventTarget", List.of("rule", "arn", "roleArn", "deadLetterConfig")),
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", List.of("name", "namespace", "metricName",
                    "threshold")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", List.of("name", "retentionInDays")),
            Map.entry("aws:lambda/function:Function", List.of("name", "runtime", "handler", "memorySize", "timeout",
                    "environment")),
            Map.entry("aws:lambda/permission:Permission", List.of("action", "function", "principal", "sourceArn")),
            Map.entry("aws:apigatewayv2/api:Api", List.of("name", "protocolType")),
            Map.entry("aws:apigatewayv2/integration:Integration", List.of("integrationType", "integrationUri",
                    "payloadFormatVersion", "timeoutMilliseconds")),
            Map.entry("aws:apigatewayv2/route:Route", List.of("routeKey", "target", "authorizationType")),
            Map.entry("aws:apigatewayv2/stage:Stage", List.of("name", "autoDeploy", "defaultRouteSettings")),
            Map.entry("aws:lambda/eventSourceMapping:EventSourceMapping", List.of("eventSourceArn", "batchSize",
                    "scalingConfig", "functionResponseTypes")),
            Map.entry("aws:ecs/cluster:Cluster", List.of("name")),
            Map.entry("aws:ecs/taskDefinition:TaskDefinition", List.of("family", "cpu", "memory", "taskRoleArn",
                    "executionRoleArn", "containerDefinitions")),
            Map.entry("aws:ecs/service:Service", List.of("name", "desiredCount", "launchType",
                    "networkConfiguration", "loadBalancers")),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", List.of("name", "vpcId", "ingress", "egress")),
            Map.entry("aws:lb/loadBalancer:LoadBalancer", List.of("name", "internal", "subnets")),
            Map.entry("aws:lb/targetGroup:TargetGroup", List.of("name", "port", "targetType", "healthCheck")),
            Map.entry("aws:lb/listener:Listener", List.of("port", "protocol", "sslPolicy")),
            Map.entry("aws:cloudtrail/trail:Trail", List.of("name", "isMultiRegionTrail", "eventSelectors",
                    "s3BucketName")),
            Map.entry("aws:s3/bucketV2:BucketV2", List.of("bucket")),
            Map.entry("aws:s3/bucketPolicy:BucketPolicy", List.of("policy")),
            Map.entry("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", List.of("blockPublicAcls",
                    "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")),
            Map.entry("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", List.of("rules")));

    private ResourcePrinter() {
    }

    public static String print(List<MockedStack.Declared> resources) {
        StringBuilder out = new StringBuilder();
        resources.stream()
                .sorted(Comparator.comparing(MockedStack.Declared::type).thenComparing(MockedStack.Declared::name))
                .forEach(resource -> block(out, resource));
        out.append(resources.size()).append(" resources\n");
        return out.toString();
    }

    private static void block(StringBuilder out, MockedStack.Declared resource) {
        out.append("+ ").append(resource.type()).append("  ").append(resource.name());
        if (!resource.providerName().isEmpty()) {
            out.append("  (provider ").append(resource.providerName()).append(')');
        }
        out.append('\n');
        for (String property : KEY_PROPERTIES.getOrDefault(resource.type(), List.of())) {
            Object value = resource.inputs().get(property);
            if (value != null) {
                out.append("    ").append(property).append(": ").append(indent(render(property, value))).append('\n');
            }
        }
    }

    private static String render(String property, Object value) {
        if (property.equals("environment") && value instanceof Map<?, ?> environment
                && environment.get("variables") instanceof Map<?, ?> variables) {
            return "variables " + variables.keySet().stream().map(String::valueOf).sorted().toList()
                    + " (values not shown)";
        }
        if (property.equals("containerDefinitions")) {
            return containers(String.valueOf(value));
        }
        if (value instanceof String text && (text.startsWith("{") || text.startsWith("["))) {
            return pretty(text);
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return JSON.writeValueAsString(normalized(value));
            } catch (Exception e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(normalized(value));
    }

    /**
     * Maps with sorted keys and whole numbers without a fraction: the engine hands numbers over as doubles and
     * maps in no fixed order, and two previews of the same settings must print the same text.
     */
    static Object normalized(Object value) {
        if (value instanceof Map<?, ?> map) {
            java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), normalized(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ResourcePrinter::normalized).toList();
        }
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return number.longValue();
        }
        return value;
    }

    /** The container definitions, with the generated configuration file shown as the YAML it is. */
    private static String containers(String json) {
        try {
            JsonNode definitions = JSON.readTree(json);
            StringBuilder config = new StringBuilder();
            for (JsonNode container : definitions) {
                for (JsonNode variable : container.path("environment")) {
                    if (variable.path("name").asText().equals("OFFHOURS_CONFIG_YAML")) {
                        config.append("\nOFFHOURS_CONFIG_YAML (the service's config.yml):\n")
                                .append(variable.path("value").asText().strip());
                        ((com.fasterxml.jackson.databind.node.ObjectNode) variable).put("value", "<below>");
                    }
                }
            }
            return JSON.writeValueAsString(definitions) + config;
        } catch (Exception e) {
            return json;
        }
    }

    private static String pretty(String text) {
        try {
            return JSON.writeValueAsString(JSON.readTree(text));
        } catch (Exception e) {
            return text;
        }
    }

    private static String indent(String text) {
        return text.replace("\n", "\n      ");
    }
}

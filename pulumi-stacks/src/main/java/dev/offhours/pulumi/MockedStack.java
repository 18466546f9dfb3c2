package dev.offhours.pulumi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Context;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs a program on Pulumi's mock engine (offline: no CLI, no provider plugin, no credentials) and keeps every
 * resource it registered with the inputs the provider would receive, under the provider's own property names. The
 * tests and the offline preview ({@code dev.offhours.pulumi.preview}) both run the programs through it; outputs
 * AWS would compute (ARNs, URLs) are made up for account {@value #ACCOUNT} in {@value #REGION}.
 */
public final class MockedStack {

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "eu-central-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One registered resource: its type token, logical name, inputs, and provider reference (URN::id or empty). */
    public record Declared(String type, String name, Map<String, Object> inputs, String provider) {

        public String string(String input) {
            Object value = inputs.get(input);
            return value == null ? null : value.toString();
        }

        public JsonNode json(String input) {
            try {
                return JSON.readTree(string(input));
            } catch (Exception e) {
                throw new AssertionError("input " + input + " of " + name + " is not JSON: " + string(input), e);
            }
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> map(String input) {
            return (Map<String, Object>) inputs.get(input);
        }

        /** The logical name of the provider resource this resource was created with. */
        public String providerName() {
            if (provider == null || provider.isEmpty()) {
                return "";
            }
            String urn = provider.substring(0, provider.lastIndexOf("::"));
            return urn.substring(urn.lastIndexOf("::") + 2);
        }
    }

    /** What a run declared and whether it failed. */
    public record Run(TestResult result, List<Declared> resources) {

        public List<Declared> ofType(String type) {
            return resources.stream().filter(r -> r.type().equals(type)).toList();
        }

        public Declared named(String name) {
            return resources.stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no resource named " + name + " among "
                            + resources.stream().map(Declared::name).toList()));
        }

        /** The resource of {@code type} whose input {@code name} equals {@code value}. */
        public Declared withInput(String type, String input, String value) {
            return ofType(type).stream().filter(r -> value.equals(r.string(input))).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type + " with " + input + "=" + value));
        }

        public String errors() {
            return result.exitCode() + " " + result.errors() + " " + result.exceptions();
        }
    }

    private MockedStack() {
    }

    public static Run run(String project, Consumer<Context> program) {
        return run(project, program, REGION);
    }

    /** A run whose made-up ARNs and URLs name {@code region} (the offline preview passes the stack's region). */
    public static Run run(String project, Consumer<Context> program, String region) {
        List<Declared> declared = new ArrayList<>();
        Mocks mocks = args -> {
            synchronized (declared) {
                declared.add(new Declared(args.type, args.name, args.inputs, args.provider));
            }
            return CompletableFuture.completedFuture(Mocks.ResourceResult.of(Optional.of(args.name + "-id"),
                    outputs(args, region)));
        };
        try {
            TestResult result = PulumiTest.withMocks(mocks)
                    .withOptions(TestOptions.builder().projectName(project).stackName("test").build())
                    .runTest(program);
            synchronized (declared) {
                return new Run(result, List.copyOf(declared));
            }
        } finally {
            PulumiTest.cleanup();
        }
    }

    /** The inputs echoed back, plus the outputs AWS would compute (ARNs, URLs, generated names). */
    private static Map<String, Object> outputs(Mocks.ResourceArgs args, String region) {
        Map<String, Object> state = new HashMap<>(args.inputs);
        String name = String.valueOf(args.inputs.getOrDefault("name", args.name));
        state.putIfAbsent("name", name);
        state.put("arn", arn(args.type, name, region));
        if (args.type.equals("aws:sqs/queue:Queue")) {
            state.put("url", "https://sqs." + region + ".amazonaws.com/" + ACCOUNT + "/" + name);
        }
        if (args.type.equals("aws:lambda/function:Function")) {
            state.put("invokeArn", "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/"
                    + arn(args.type, name, region) + "/invocations");
        }
        if (args.type.equals("aws:apigatewayv2/api:Api")) {
            state.put("apiEndpoint", "https://" + args.name + "-id.execute-api." + region + ".amazonaws.com");
            state.put("executionArn", "arn:aws:execute-api:" + region + ":" + ACCOUNT + ":" + args.name + "-id");
        }
        if (args.type.equals("aws:lb/loadBalancer:LoadBalancer")) {
            state.put("dnsName", name + "-1234567890." + region + ".elb.amazonaws.com");
        }
        return state;
    }

    public static String arn(String type, String name) {
        return arn(type, name, REGION);
    }

    /** The ARN AWS would give a resource of {@code type} named {@code name} in {@code region}. */
    public static String arn(String type, String name, String region) {
        return switch (type) {
            case "aws:iam/role:Role" -> "arn:aws:iam::" + ACCOUNT + ":role/" + name;
            case "aws:sqs/queue:Queue" -> "arn:aws:sqs:" + region + ":" + ACCOUNT + ":" + name;
            case "aws:dynamodb/table:Table" -> "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + name;
            case "aws:cloudwatch/eventBus:EventBus" -> "arn:aws:events:" + region + ":" + ACCOUNT + ":event-bus/" + name;
            case "aws:cloudwatch/eventRule:EventRule" -> "arn:aws:events:" + region + ":" + ACCOUNT + ":rule/" + name;
            case "aws:lambda/function:Function" -> "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + name;
            case "aws:sns/topic:Topic" -> "arn:aws:sns:" + region + ":" + ACCOUNT + ":" + name;
            case "aws:cloudwatch/logGroup:LogGroup" -> "arn:aws:logs:" + region + ":" + ACCOUNT + ":log-group:" + name;
            case "aws:ecs/cluster:Cluster" -> "arn:aws:ecs:" + region + ":" + ACCOUNT + ":cluster/" + name;
            case "aws:ecs/taskDefinition:TaskDefinition" -> "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task-definition/" + name + ":1";
            case "aws:lb/loadBalancer:LoadBalancer" -> "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT + ":loadbalancer/app/" + name + "/0123456789abcdef";
            case "aws:lb/targetGroup:TargetGroup" -> "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT + ":targetgroup/" + name + "/0123456789abcdef";
            case "aws:cloudtrail/trail:Trail" -> "arn:aws:cloudtrail:" + region + ":" + ACCOUNT + ":trail/" + name;
            case "aws:s3/bucketV2:BucketV2" -> "arn:aws:s3:::" + name;
            default -> "arn:aws:mock:" + region + ":" + ACCOUNT + ":" + type + "/" + name;
        };
    }
}

package dev.offhours.worker.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.offhours.core.capacity.OffhoursTags;
import dev.offhours.core.port.OperationRecord;
import dev.offhours.core.port.OperationStatus;
import dev.offhours.core.schedule.AsleepCapacity;
import dev.offhours.core.work.Action;
import dev.offhours.core.work.Target;
import dev.offhours.core.work.WorkItem;
import dev.offhours.core.work.WorkItemCodec;
import dev.offhours.store.dynamodb.DynamoDbOperationStore;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.worker.tracing.SpanNames;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The shaded Lambda jar as Lambda runs it, in a JVM of its own with nothing but the jar on the class path: an account
 * bundle of two SLEEP items goes through the asynchronous CRT spoke clients (STS, Auto Scaling) and the hub's
 * DynamoDB stores on moto, so a class or native library the shade left out fails here rather than in production.
 */
@ExtendWith(MotoExtension.class)
class WorkerLambdaJarIT {

    private static final Path JAR = Path.of("target", "offhours-worker-lambda.jar");
    private static final Instant TRANSITION = Instant.parse("2026-03-02T18:00:00Z");
    private static final List<String> GROUPS = List.of("web", "api");

    private record Result(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR).as("run `./mvnw -pl worker -am package` first: this test runs the Lambda jar it builds")
                .exists();
    }

    @Test
    void theJarPutsAnAccountBundleToSleepThroughTheCrtSpokeClients(MotoServer moto, @TempDir Path temp)
            throws Exception {
        Result result = putToSleep(moto, temp, Map.of());

        assertThat(result.err()).as("a logging binding left out of the jar would lose the function's logs")
                .doesNotContain("SLF4J");
    }

    @Test
    void theJarsTracingFindsItsExporterAndPropagatorsAndTracesTheSpokeCalls(MotoServer moto, @TempDir Path temp)
            throws Exception {
        // the autoconfiguration finds exporters and propagators through META-INF/services, which the shade merges
        Result result = putToSleep(moto, temp, Map.of("OTEL_TRACES_EXPORTER", "console",
                "OTEL_PROPAGATORS", "tracecontext,xray"));

        assertThat(result.err()).contains("'" + SpanNames.WORK + "'", "'Sts.AssumeRole'",
                "'AutoScaling.UpdateAutoScalingGroup'");
    }

    @Test
    void theJarExportsItsSpansOverOtlp(MotoServer moto, @TempDir Path temp) throws Exception {
        // a collector that keeps what it is sent: the OTLP exporter, its HTTP sender and protobuf encoding all load
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        HttpServer collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                synchronized (received) {
                    received.write(body);
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        collector.start();
        try {
            putToSleep(moto, temp, Map.of("OTEL_TRACES_EXPORTER", "otlp", "OTEL_EXPORTER_OTLP_PROTOCOL",
                    "http/protobuf", "OTEL_EXPORTER_OTLP_ENDPOINT",
                    "http://127.0.0.1:" + collector.getAddress().getPort()));
        } finally {
            collector.stop(0);
        }

        synchronized (received) {
            // span names are plain UTF-8 strings inside the protobuf request
            assertThat(received.toString(StandardCharsets.ISO_8859_1)).contains(SpanNames.WORK, "AssumeRole",
                    "UpdateAutoScalingGroup");
        }
    }

    @Test
    void theJarHoldsCrtsLibraryForEachOfLambdasArchitectures() throws IOException {
        // the tests above load the library of this machine only; arm64's must be there too
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            assertThat(jar.stream().map(ZipEntry::getName).filter(name -> name.endsWith(".so")))
                    .containsExactlyInAnyOrder("linux/x86_64/glibc/libaws-crt-jni.so",
                            "linux/armv8/glibc/libaws-crt-jni.so");
        }
    }

    /**
     * Two tagged groups in the hub account and the function's tables and queues on moto; then the jar handles one
     * message, an account bundle putting both groups to sleep, and both groups are asleep with their operations
     * recorded as succeeded.
     */
    private static Result putToSleep(MotoServer moto, Path temp, Map<String, String> moreEnvironment)
            throws IOException, InterruptedException {
        String region = moto.region();
        try (DynamoDbClient dynamo = moto.client(DynamoDbClient.builder());
             SqsClient sqs = moto.client(SqsClient.builder());
             AutoScalingClient asg = moto.client(AutoScalingClient.builder())) {
            dynamo.createTable(HubTableDefinitions.operationsTable("ops"));
            dynamo.createTable(HubTableDefinitions.inventoryTable("inventory"));
            String deadLetters = sqs.createQueue(b -> b.queueName("work-dlq")).queueUrl();
            sqs.createQueue(b -> b.queueName("work"));
            asg.createLaunchConfiguration(b -> b.launchConfigurationName("lc").imageId("ami-12345678")
                    .instanceType("t3.micro"));
            for (String group : GROUPS) {
                asg.createAutoScalingGroup(b -> b.autoScalingGroupName(group).launchConfigurationName("lc")
                        .minSize(1).desiredCapacity(2).maxSize(3).availabilityZones(region + "a")
                        .tags(Tag.builder().resourceId(group).resourceType("auto-scaling-group")
                                .key(OffhoursTags.SCHEDULE).value("office-hours").propagateAtLaunch(false).build()));
            }
            List<WorkItem> items = GROUPS.stream().map(group -> WorkItem.of("office-hours", TRANSITION, Action.SLEEP,
                    Target.asg(MotoServer.HUB_ACCOUNT, region, group), AsleepCapacity.ZERO, "main@sha1:abc", null))
                    .toList();
            Path event = temp.resolve("event.json");
            Files.writeString(event, sqsEvent(new WorkItemCodec().encodeBundle(items), region));
            Map<String, String> environment = new HashMap<>(Map.of("AWS_REGION", region,
                    "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                    "OFFHOURS_OPERATIONS_TABLE", "ops", "OFFHOURS_INVENTORY_TABLE", "inventory",
                    "OFFHOURS_DEAD_LETTER_QUEUE_URL", deadLetters, "OFFHOURS_SPOKE_ROLE_NAME", "offhours-spoke",
                    "OFFHOURS_EXTERNAL_ID", "ext-42"));
            environment.putAll(moreEnvironment);

            Result result = invoke(event, environment);

            assertThat(result.exitCode()).as("exit code; standard error:\n%s", result.err()).isZero();
            assertThat(result.out().lines().reduce((first, second) -> second).orElse(""))
                    .as("the printed response; standard error:\n%s", result.err())
                    .isEqualTo("{\"batchItemFailures\":[]}");
            List<AutoScalingGroup> groups = asg.describeAutoScalingGroups(b -> b.autoScalingGroupNames(GROUPS))
                    .autoScalingGroups();
            assertThat(groups).hasSize(2).allSatisfy(group -> assertThat(List.of(group.minSize(),
                    group.desiredCapacity(), group.maxSize())).as(group.autoScalingGroupName()).containsOnly(0));
            DynamoDbOperationStore operations = new DynamoDbOperationStore(dynamo, "ops");
            for (WorkItem item : items) {
                assertThat(operations.find(new OperationRecord.Key("office-hours", TRANSITION, item.target().key())))
                        .as(item.target().key()).get().extracting(OperationRecord::status)
                        .isEqualTo(OperationStatus.SUCCEEDED);
            }
            return result;
        }
    }

    /** One message as Lambda's SQS event source mapping delivers it. */
    private static String sqsEvent(String body, String region) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode event = json.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("messageId", "m-1").put("receiptHandle", "r-1").put("body", body)
                .put("eventSourceARN", "arn:aws:sqs:" + region + ":" + MotoServer.HUB_ACCOUNT + ":work");
        record.putObject("attributes").put("ApproximateReceiveCount", "1");
        return event.toString();
    }

    /** The jar alone on the class path, and only the function's variables in the environment, as on Lambda. */
    private static Result invoke(Path event, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", JAR.toString(), LocalInvoke.class.getName(), event.toString());
        Path out = Files.createTempFile("worker-lambda-out", ".txt");
        Path err = Files.createTempFile("worker-lambda-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the Lambda jar did not end within 60 s; standard error:\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

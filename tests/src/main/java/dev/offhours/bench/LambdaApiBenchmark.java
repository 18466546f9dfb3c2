package dev.offhours.bench;

import dev.offhours.core.port.CatalogSnapshot;
import dev.offhours.core.port.Condition;
import dev.offhours.core.port.ConditionStatus;
import dev.offhours.core.port.ConditionType;
import dev.offhours.core.port.ReconcilerStatus;
import dev.offhours.core.source.SourceFile;
import dev.offhours.reconciler.lambda.LambdaApiSettings;
import dev.offhours.reconciler.lambda.StatusApiFunction;
import dev.offhours.reconciler.repository.DirectoryRevisionReader;
import dev.offhours.store.dynamodb.DynamoDbCatalogSnapshots;
import dev.offhours.store.dynamodb.DynamoDbControlStore;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.store.dynamodb.DynamoDbOperationStore;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.store.dynamodb.DynamoDbInventoryStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The status API function (payload 2.0 events) on the hub's tables in moto: cold start, a fresh JVM per run with only
 * the function's jar on its class path (handler construction from the environment and the first answer, which reads
 * the catalog snapshot), and warm latency p50/p99 of the handler in this JVM over the GET paths. moto answers each
 * DynamoDB call in a few milliseconds on loopback; DynamoDB itself in a region is in the same range.
 *
 * <p>{@code -Dexec.args="COLD_RUNS WARM_INVOCATIONS"} (default 5 and 2000).
 */
public final class LambdaApiBenchmark {

    static final String TOKEN = "bench-token-5b1f0c";
    /** moto filters a GSI Query in Python over every item (about 0.3 ms per record): keep the table small. */
    static final int OPERATION_RECORDS = 500;
    static final HubTableDefinitions.TableNames NAMES = HubTableDefinitions.TableNames.withPrefix("bench-");
    static final List<String> PATHS = List.of("/v1/status", "/v1/schedules", "/v1/schedules/payments-dev",
            "/v1/accounts", "/v1/targets?schedule=payments-dev", "/v1/operations/latest?limit=50", "/v1/orphans",
            "/v1/openapi.yaml", "/");

    private LambdaApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int coldRuns = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmInvocations = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path jar = Path.of("reconciler", "target", "offhours-api-lambda.jar");
        if (!Files.isRegularFile(jar)) {
            jar = Path.of("..").resolve(jar);
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the benchmark with -am (its command in README) so "
                    + "the reconciler's package phase builds the function's jar");
        }
        System.out.println("function_jar_mb: " + Math.round(Files.size(jar) / 1e5) / 10.0);
        try (MotoServer moto = MotoServer.start(Path.of("target", "lambda-api-bench"));
             DynamoDbClient dynamo = moto.client(DynamoDbClient.builder())) {
            HubTableDefinitions.createAll(dynamo, NAMES);
            seed(dynamo, Instant.now());
            cold(moto, jar, coldRuns);
            if (warmInvocations > 0) {
                warm(dynamo, warmInvocations);
            }
        }
        System.exit(0);
    }

    private static void seed(DynamoDbClient dynamo, Instant now) {
        List<SourceFile> files = new DirectoryRevisionReader().read(templateRoot());
        String revision = "main@sha1:4bbbc86a4f0b1d2c3e4f5a6b7c8d9e0f1a2b3c4d";
        new DynamoDbCatalogSnapshots(dynamo, NAMES.control()).publish(CatalogSnapshot.of(revision, now, files));
        new DynamoDbControlStore(dynamo, NAMES.control()).saveStatus(new ReconcilerStatus(revision, revision, now,
                List.of(new Condition(ConditionType.READY, ConditionStatus.TRUE, "Succeeded", "Applied.", now)),
                List.of(), now));
        BenchHub hub = new BenchHub(BenchHub.templateCatalog());
        var inventory = new DynamoDbInventoryStore(dynamo, NAMES.inventory());
        var operations = new DynamoDbOperationStore(dynamo, NAMES.operations());
        hub.seedInventory(inventory::upsert, now, 50);
        hub.seedOperations(operations::save, now, OPERATION_RECORDS);
        System.out.println("seeded_targets: " + hub.targets.size());
        System.out.println("seeded_operation_records: " + OPERATION_RECORDS);
        System.out.println("catalog_snapshot_bytes: " + CatalogSnapshot.of(revision, now, files).content().length);
    }

    private static Path templateRoot() {
        for (Path candidate : List.of(Path.of("schedules-repo-template"), Path.of("..", "schedules-repo-template"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("schedules-repo-template is not found from " + Path.of("").toAbsolutePath());
    }

    private static Map<String, String> environment(MotoServer moto) {
        Map<String, String> env = new TreeMap<>();
        env.put(LambdaApiSettings.CONTROL_TABLE, NAMES.control());
        env.put(LambdaApiSettings.INVENTORY_TABLE, NAMES.inventory());
        env.put(LambdaApiSettings.OPERATIONS_TABLE, NAMES.operations());
        env.put(LambdaApiSettings.TOKEN_SHA256, sha256(TOKEN));
        env.put(LambdaApiSettings.REGION, moto.region());
        env.put(LambdaApiSettings.ENDPOINT, moto.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        return env;
    }

    /** A fresh JVM per run, with the flags the Pulumi component gives the function. */
    private static void cold(MotoServer moto, Path jar, int runs) throws IOException, InterruptedException {
        List<Double> construct = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        String classes;
        try {
            classes = Path.of(LambdaColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (int run = 0; run < runs; run++) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xmx768m", "-cp",
                    jar.toAbsolutePath() + java.io.File.pathSeparator + classes, LambdaColdStart.class.getName(),
                    "/v1/status", TOKEN));
            command.addAll(PATHS.subList(1, PATHS.size()));
            ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
            process.environment().putAll(environment(moto));
            Process child = process.start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (child.waitFor() != 0 || !output.contains("status: 200") || output.contains("failed /")) {
                throw new IllegalStateException("the cold start run failed:\n" + output);
            }
            construct.add(value(output, "construct_ms"));
            first.add(value(output, "first_invocation_ms"));
            total.add(value(output, "jvm_start_to_answer_ms"));
        }
        System.out.println("cold_runs: " + runs);
        print("cold_construct_ms", construct);
        print("cold_first_invocation_ms", first);
        List<Double> handler = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            handler.add(construct.get(i) + first.get(i));
        }
        print("cold_construct_plus_first_ms", handler);
        print("cold_jvm_start_to_first_answer_ms", total);
    }

    private static void warm(DynamoDbClient dynamo, int invocations) throws IOException {
        LambdaApiSettings settings = LambdaApiSettings.from(Map.of(
                LambdaApiSettings.CONTROL_TABLE, NAMES.control(), LambdaApiSettings.INVENTORY_TABLE, NAMES.inventory(),
                LambdaApiSettings.OPERATIONS_TABLE, NAMES.operations(),
                LambdaApiSettings.TOKEN_SHA256, sha256(TOKEN), LambdaApiSettings.REGION, "us-east-1"));
        StatusApiFunction function = new StatusApiFunction(settings, dynamo, Clock.systemUTC(), Clock.systemUTC());
        for (int i = 0; i < 300; i++) {
            invoke(function, PATHS.get(i % PATHS.size()));
        }
        Map<String, List<Double>> byPath = new TreeMap<>();
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < invocations; i++) {
            String path = PATHS.get(i % PATHS.size());
            long start = System.nanoTime();
            invoke(function, path);
            double millis = (System.nanoTime() - start) / 1_000_000.0;
            all.add(millis);
            byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(millis);
        }
        System.out.println("warm_invocations: " + invocations);
        print("warm_all_paths_ms", all);
        byPath.forEach((path, times) -> print("warm_" + path.replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "") + "_ms", times));
    }

    private static void invoke(StatusApiFunction function, String path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(LambdaEvents.get(path, TOKEN).getBytes(StandardCharsets.UTF_8)),
                out, null);
        if (!out.toString(StandardCharsets.UTF_8).contains("\"statusCode\":200")) {
            throw new IllegalStateException(path + " did not answer 200: " + out);
        }
    }

    private static double value(String output, String name) {
        for (String line : output.split("\n")) {
            if (line.startsWith(name + ": ")) {
                return Double.parseDouble(line.substring(name.length() + 2).trim());
            }
        }
        throw new IllegalStateException("no " + name + " in:\n" + output);
    }

    /** p50 and p99 (nearest rank), and the largest for cold runs. */
    private static void print(String name, List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        String base = name.endsWith("_ms") ? name.substring(0, name.length() - 3) : name;
        System.out.printf("%s_p50_ms: %.1f%n", base, rank(sorted, 0.50));
        System.out.printf("%s_p99_ms: %.1f%n", base, rank(sorted, 0.99));
        System.out.printf("%s_max_ms: %.1f%n", base, sorted.get(sorted.size() - 1));
    }

    private static double rank(List<Double> sorted, double quantile) {
        return sorted.get(Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}

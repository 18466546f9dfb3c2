package dev.offhours.bench;

import dev.offhours.reconciler.api.ApiDependencies;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The status API under load: {@code records} operation records (default 1,000,000) in the embedded store, the API
 * on loopback, and wrk in a second process at about 200 requests per second across the list endpoints. Prints
 * {@code name: value} lines: load time, wrk's rate, p50/p99 latency, errors, operation records read vs returned.
 *
 * <p>Run: {@code ./mvnw -B -q -pl tests -am -Papi-benchmark process-classes} (needs Debian's {@code wrk}).
 * Arguments: records (1000000), seconds of load (30).
 */
public final class ApiBenchmark {

    private static final Path WRK = Path.of("/usr/bin/wrk");
    private static final int CONNECTIONS = 7;
    // 7 connections x 1000 ms / (28 ms pause + ~2 ms answer + ~5 ms of wrk timer slack) ~ 200 requests/s (measured)
    private static final int DELAY_MILLIS = 28;

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        if (!Files.isExecutable(WRK)) {
            throw new IllegalStateException("the API benchmark needs wrk: apt-get install -y wrk");
        }
        Path module = Files.isDirectory(Path.of("tests", "src")) ? Path.of("tests") : Path.of(".");
        Path dir = module.resolve(Path.of("target", "api-bench")).toAbsolutePath();
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("hub.mv"));
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        BenchHub hub = new BenchHub(BenchHub.templateCatalog());
        try (EmbeddedHubStore store = EmbeddedHubStore.open(dir.resolve("hub.mv"))) {
            long started = System.nanoTime();
            hub.seedInventory(store, now);
            hub.seedOperations(store, now, records);
            System.out.printf("api.embedded.records: %d%napi.embedded.targets: %d%napi.embedded.loadSeconds: %.1f%n",
                    records, hub.targets.size(), (System.nanoTime() - started) / 1e9);

            String token = HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(24));
            CountingHistory history = new CountingHistory(store.operations());
            ReturnedItems returned = new ReturnedItems();
            int port = freePort();
            new ApiBenchApplication(new ApiDependencies(() -> hub.catalog, store.control(), store.inventory(),
                    history, store.operations(), clock), returned)
                    .run("server", writeConfig(dir, token, port, freePort()).toString());

            Path script = writeScript(dir, token, paths(hub));
            runWrk(script, port, 5, false); // warm-up: JIT, caches
            history.reset();
            returned.reset();
            runWrk(script, port, seconds, true);
            System.out.printf("api.embedded.operations.itemsRead: %d%napi.embedded.operations.itemsReturned: %d%n",
                    history.read(), returned.operations());
        }
        System.exit(0);
    }

    static List<String> paths(BenchHub hub) {
        String schedule = hub.catalog.schedules().firstKey();
        var target = hub.targets.get(17);
        return List.of("/v1/operations/latest?limit=50", "/v1/operations?status=FAILED&limit=50",
                "/v1/operations?target=" + target.targetKey().replace("#", "%23") + "&limit=50",
                "/v1/targets?schedule=" + schedule + "&limit=50",
                "/v1/targets?account=" + target.target().account() + "&region=" + target.target().region() + "&limit=50",
                "/v1/schedules?limit=50", "/v1/accounts?limit=50", "/v1/status");
    }

    private static void runWrk(Path script, int port, int seconds, boolean print)
            throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder(WRK.toString(), "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s",
                "--timeout", "5s", "-s", script.toString(), "http://127.0.0.1:" + port)
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        if (print) {
            output.lines().filter(line -> line.startsWith("api.")).forEach(System.out::println);
        }
    }

    private static Path writeScript(Path dir, String token, List<String> paths) throws IOException {
        String template = new String(ApiBenchmark.class.getResourceAsStream("/dev/offhours/bench/api-load.lua")
                .readAllBytes(), StandardCharsets.UTF_8);
        String list = String.join(", ", paths.stream().map(p -> "\"" + p + "\"").toList());
        Path script = dir.resolve("api-load.lua");
        Files.writeString(script, template.replace("@PATHS@", list).replace("@TOKEN@", token)
                .replace("@DELAY@", String.valueOf(DELAY_MILLIS)));
        return script;
    }

    private static Path writeConfig(Path dir, String token, int port, int adminPort) throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        Path config = dir.resolve("api-bench.yml");
        Files.writeString(config, """
                api:
                  tokenSha256: [%s]
                server:
                  applicationConnectors: [{type: http, port: %d, bindHost: 127.0.0.1}]
                  adminConnectors: [{type: http, port: %d, bindHost: 127.0.0.1}]
                  requestLog: {appenders: []}
                logging:
                  level: WARN
                """.formatted(hash, port, adminPort));
        return config;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

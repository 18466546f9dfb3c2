package dev.offhours.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;

/**
 * One HTTP client's run, in a fresh JVM started by {@link HttpClientBenchmark} on a class path of the SDK and this
 * client's jars only: build the transport and an {@link AutoScalingAsyncClient} on it as the worker builds its spoke
 * clients (static credentials here, region eu-west-1, no SDK retries), time the first call, warm up, then for each
 * concurrency level as many calls (DescribeAutoScalingGroups and UpdateAutoScalingGroup in turn) with that many in
 * flight. Prints {@code name: value} lines; exit 3 when the client cannot be built or its first call fails.
 *
 * <p>Arguments: {@code netty|crt PORT CALLS_PER_LEVEL MAX_CONNECTIONS LEVELS WARMUP_CALLS}, LEVELS comma-separated.
 */
public final class HttpClientRun {

    private static final String CRT_CLIENT = "software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient";

    private HttpClientRun() {
    }

    public static void main(String[] args) throws Exception {
        String transport = args[0];
        int port = Integer.parseInt(args[1]);
        int calls = Integer.parseInt(args[2]);
        int maxConnections = Integer.parseInt(args[3]);
        int[] levels = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
        int warmup = Integer.parseInt(args[5]);

        ProcessProbe probe = new ProcessProbe();
        System.gc();
        Thread.sleep(200);
        long javaThreadsBefore = probe.javaThreads();
        long osThreadsBefore = ProcessProbe.osThreads();
        long rssBeforeKb = ProcessProbe.statusKb("VmRSS");
        Connections atStart = connections(port);
        probe.resetPeaks();

        long start = System.nanoTime();
        SdkAsyncHttpClient http;
        AutoScalingAsyncClient client;
        long built;
        try {
            http = transport(transport, maxConnections);
            client = client(http, port);
            built = System.nanoTime();
            DescribeAutoScalingGroupsResponse first = client.describeAutoScalingGroups(
                    r -> r.autoScalingGroupNames(AutoScalingXml.GROUP)).join();
            if (first.autoScalingGroups().size() != 1
                    || first.autoScalingGroups().get(0).desiredCapacity() != AutoScalingXml.DESIRED) {
                throw new IllegalStateException("the stub's answer did not parse as one group: " + first);
            }
        } catch (Throwable e) {
            System.out.println("native_library: " + ("crt".equals(transport) ? "failed" : "none"));
            System.out.println("failed: " + e.toString().replace('\n', ' '));
            System.exit(3);
            return;
        }
        System.out.println(line("first_call_ms", (System.nanoTime() - start) / 1e6));
        System.out.println(line("build_ms", (built - start) / 1e6));
        System.out.println("native_library: " + nativeLibrary(transport));

        run(client, warmup, Math.min(100, maxConnections));
        for (int concurrency : levels) {
            measureLevel(client, calls, concurrency, port);
        }
        Connections run = connections(port).since(atStart);
        System.out.println("connections_opened_total: " + run.opened());
        System.out.println("connections_closed_total: " + run.closed());
        System.out.println("threads_added_java: " + (probe.peakJavaThreads() - javaThreadsBefore));
        System.out.println("threads_added_os: " + (probe.peakOsThreads() - osThreadsBefore));
        System.out.println(line("heap_peak_mb", probe.peakHeapBytes() / 1048576.0));
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.println(line("heap_live_after_gc_mb", (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0));
        System.out.println(line("rss_peak_mb", ProcessProbe.statusKb("VmHWM") / 1024.0));
        System.out.println(line("rss_added_mb", (ProcessProbe.statusKb("VmHWM") - rssBeforeKb) / 1024.0));
        probe.close();
        client.close();
        http.close();
        System.exit(0);
    }

    private static void measureLevel(AutoScalingAsyncClient client, int calls, int concurrency, int port)
            throws IOException, InterruptedException {
        Connections before = connections(port);
        long cpuBefore = ProcessProbe.cpuNanos();
        long wallBefore = System.nanoTime();
        Result result = run(client, calls, concurrency);
        double seconds = (System.nanoTime() - wallBefore) / 1e9;
        double cpuSeconds = (ProcessProbe.cpuNanos() - cpuBefore) / 1e9;
        String level = "c" + concurrency + ".";
        System.out.println(line(level + "calls_per_second", calls / seconds));
        System.out.println(line(level + "p50_ms", result.percentileMs(0.50)));
        System.out.println(line(level + "p99_ms", result.percentileMs(0.99)));
        System.out.println(line(level + "cpu_s_per_1000_calls", cpuSeconds * 1000 / calls));
        System.out.println(level + "errors: " + result.errors()
                + (result.firstError() == null ? "" : " (first: " + result.firstError() + ")"));
        Connections during = connections(port).since(before);
        System.out.println(level + "connections_opened: " + during.opened());
        System.out.println(level + "connections_closed: " + during.closed());
        System.out.println(level + "load_1min: " + ProcessProbe.loadAverage());
    }

    private static SdkAsyncHttpClient transport(String name, int maxConnections) throws ReflectiveOperationException {
        return switch (name) {
            // the settings of the worker's AwsSpokeClientFactory
            case "netty" -> NettyNioAsyncHttpClient.builder()
                    .maxConcurrency(maxConnections)
                    .connectionTimeout(Duration.ofSeconds(5))
                    .readTimeout(Duration.ofSeconds(30))
                    .connectionAcquisitionTimeout(Duration.ofSeconds(60))
                    .build();
            case "crt" -> crt(maxConnections);
            default -> throw new IllegalArgumentException("transport is netty or crt, not " + name);
        };
    }

    /** Through reflection: aws-crt-client is on the class path of the benchmark's profile only, never compiled in. */
    private static SdkAsyncHttpClient crt(int maxConnections) throws ReflectiveOperationException {
        Class<?> builderType = Class.forName(CRT_CLIENT + "$Builder");
        Object builder = Class.forName(CRT_CLIENT).getMethod("builder").invoke(null);
        builderType.getMethod("maxConcurrency", Integer.class).invoke(builder, maxConnections);
        builderType.getMethod("connectionTimeout", Duration.class).invoke(builder, Duration.ofSeconds(5));
        builderType.getMethod("connectionAcquisitionTimeout", Duration.class).invoke(builder, Duration.ofSeconds(60));
        return ((SdkAsyncHttpClient.Builder<?>) builder).build();
    }

    private static String nativeLibrary(String transport) throws ReflectiveOperationException {
        if (!"crt".equals(transport)) {
            return "none";
        }
        Class<?> crt = Class.forName("software.amazon.awssdk.crt.CRT");
        String os = (String) crt.getMethod("getOSIdentifier").invoke(null);
        String arch = (String) crt.getMethod("getArchIdentifier").invoke(null);
        return "loaded " + os + "/" + arch + "/" + crt.getMethod("getCRuntime", String.class).invoke(null, os);
    }

    private static AutoScalingAsyncClient client(SdkAsyncHttpClient http, int port) {
        return AutoScalingAsyncClient.builder()
                .httpClient(http)
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "bench-secret-not-a-real-one")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(Duration.ofSeconds(20)))
                .build();
    }

    private static Result run(AutoScalingAsyncClient client, int calls, int concurrency) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(calls);
        long[] latencies = new long[calls];
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        for (int i = 0; i < calls; i++) {
            inFlight.acquire();
            int call = i;
            long sent = System.nanoTime();
            CompletableFuture<?> answer = call % 2 == 0
                    ? client.describeAutoScalingGroups(r -> r.autoScalingGroupNames(AutoScalingXml.GROUP))
                    : client.updateAutoScalingGroup(r -> r.autoScalingGroupName(AutoScalingXml.GROUP)
                            .minSize(0).maxSize(10).desiredCapacity(call % 4));
            answer.whenComplete((response, error) -> {
                latencies[call] = System.nanoTime() - sent;
                if (error != null) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, error.toString().replace('\n', ' '));
                }
                inFlight.release();
                done.countDown();
            });
        }
        done.await();
        return new Result(latencies, errors.get(), firstError.get());
    }

    /** Connections that carried an Auto Scaling request so far, opened and closed, from the stub's own count. */
    private static Connections connections(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /__stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            java.util.regex.Matcher counts = java.util.regex.Pattern.compile("connections=(\\d+) closed=(\\d+)")
                    .matcher(answer);
            if (!counts.find()) {
                throw new IOException("the stub's /__stats answered without its counts: " + answer);
            }
            return new Connections(Long.parseLong(counts.group(1)), Long.parseLong(counts.group(2)));
        }
    }

    private static String line(String name, double value) {
        return name + ": " + String.format(Locale.ROOT, "%.3f", value);
    }

    private record Connections(long opened, long closed) {
        Connections since(Connections before) {
            return new Connections(opened - before.opened, closed - before.closed);
        }
    }

    private record Result(long[] latencies, long errors, String firstError) {
        double percentileMs(double quantile) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.round(quantile * (sorted.length - 1))] / 1e6;
        }
    }
}

package dev.offhours.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Netty against CRT as the transport of the worker's asynchronous spoke clients, in one run: a stub Auto Scaling
 * endpoint ({@link HttpStubEndpoint}, fixed delay per answer) in a child JVM, then for each concurrency level and
 * repetition each client in a fresh JVM of its own ({@link HttpClientRun}) whose class path holds the SDK and that
 * client's jars only, so that neither client warms or loads anything for the other and the stub's CPU is nobody's.
 * Prints each client's figures prefixed {@code netty.} and {@code crt.} (merged over its runs by
 * {@link ClientFigures}), the jars each client adds, CRT's figures against Netty's, and {@code chosen:} with
 * {@code why:}
 * ({@link HttpClientChoice}).
 *
 * <p>Arguments (all optional): {@code CALLS_PER_RUN DELAY_MS MAX_CONNECTIONS LEVELS WARMUP_CALLS REPETITIONS},
 * default {@code 10000 50 500 100,500,1000 3000 2}: 20,000 calls per client and level in two runs, whose order
 * alternates, of which each figure keeps the best; 500 connections is what the worker's client factory gives AWS.
 */
public final class HttpClientBenchmark {

    private static final List<String> TRANSPORTS = List.of("netty", "crt");
    private static final Map<String, List<String>> TRANSPORT_JARS = Map.of(
            "netty", List.of("/software/amazon/awssdk/netty-nio-client/", "/io/netty/"),
            "crt", List.of("/software/amazon/awssdk/aws-crt-client/", "/software/amazon/awssdk/crt/"));
    /** What every SDK client needs whatever its transport; the blocking transports are left out. */
    private static final List<String> SDK_JARS = List.of("/software/amazon/", "/org/reactivestreams/",
            "/org/slf4j/slf4j-api/");
    private static final String LINUX_X86_64_GLIBC = "linux/x86_64/glibc/libaws-crt-jni.so";
    private static final List<String> OTHER_TRANSPORTS = List.of("/software/amazon/awssdk/apache",
            "/software/amazon/awssdk/url-connection-client/");

    private HttpClientBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long delayMs = args.length > 1 ? Long.parseLong(args[1]) : 50;
        int maxConnections = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        String levels = args.length > 3 ? args[3] : "100,500,1000";
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 3_000;
        int repetitions = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        int[] levelList = java.util.Arrays.stream(levels.split(",")).mapToInt(Integer::parseInt).toArray();

        List<String> classpath = classpath();
        String classes = Path.of(HttpClientBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        System.out.println("calls_per_run: " + calls);
        System.out.println("stub_delay_ms: " + delayMs);
        System.out.println("max_connections: " + maxConnections);
        System.out.println("concurrency_levels: " + levels);
        System.out.println("repetitions: " + repetitions);
        System.out.println("machine: " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));

        Process stub = start(List.of("-Xmx256m", "-cp", join(classes, classpath, jar -> jar.contains("/io/netty/")),
                HttpStubEndpoint.class.getName(), Long.toString(delayMs)));
        Map<String, ClientFigures> figures = new LinkedHashMap<>();
        try {
            BufferedReader stubOut = new BufferedReader(new InputStreamReader(stub.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = stubOut.readLine();
            if (first == null || !first.startsWith("port: ")) {
                throw new IllegalStateException("the stub endpoint did not start: " + first);
            }
            String port = first.substring("port: ".length()).trim();
            for (String transport : TRANSPORTS) {
                figures.put(transport, new ClientFigures());
            }
            // a fresh JVM per client and level, the clients' order swapped at each level, so that neither gets the
            // quieter minutes of a shared machine or the other's warm page cache every time
            int turn = 0;
            for (int level : levelList) {
                for (int repetition = 0; repetition < repetitions; repetition++, turn++) {
                    List<String> order = turn % 2 == 0 ? TRANSPORTS : List.of(TRANSPORTS.get(1), TRANSPORTS.get(0));
                    for (String transport : order) {
                        runClient(transport, classes, classpath, figures.get(transport), List.of(port,
                                Integer.toString(calls), Integer.toString(maxConnections), Integer.toString(level),
                                Integer.toString(warmup)));
                    }
                }
            }
        } finally {
            stub.getOutputStream().close();
            if (!stub.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                stub.destroyForcibly();
            }
        }
        Map<String, Map<String, String>> merged = new LinkedHashMap<>();
        for (String transport : TRANSPORTS) {
            merged.put(transport, figures.get(transport).merged());
            merged.get(transport).forEach((name, value) -> System.out.println(transport + "." + name + ": " + value));
        }
        for (String transport : TRANSPORTS) {
            List<Path> jars = transportJars(classpath, transport);
            long bytes = jars.stream().mapToLong(HttpClientBenchmark::size).sum();
            System.out.println(transport + ".added_jars: " + jars.size() + " " + jars.stream()
                    .map(jar -> jar.getFileName().toString()).toList());
            System.out.println(transport + String.format(Locale.ROOT, ".added_jar_mb: %.2f", bytes / 1048576.0));
        }
        nativeLibrarySize(classpath);
        printRatios(merged, levelList);
        HttpClientChoice choice = HttpClientChoice.decide(merged.get("netty"), merged.get("crt"), levelList);
        System.out.println("chosen: " + choice.chosen());
        System.out.println("why: " + choice.why());
    }

    private static void runClient(String transport, String classes, List<String> classpath, ClientFigures figures,
                                  List<String> arguments) throws IOException, InterruptedException {
        Predicate<String> others = jar -> TRANSPORT_JARS.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(transport))
                .anyMatch(entry -> entry.getValue().stream().anyMatch(jar::contains))
                || OTHER_TRANSPORTS.stream().anyMatch(jar::contains);
        Predicate<String> mine = jar -> (SDK_JARS.stream().anyMatch(jar::contains)
                || TRANSPORT_JARS.get(transport).stream().anyMatch(jar::contains)) && !others.test(jar);
        List<String> command = new ArrayList<>(List.of("-Xmx512m", "-Dslf4j.internal.verbosity=ERROR", "-cp",
                join(classes, classpath, mine), HttpClientRun.class.getName(), transport));
        command.addAll(arguments);
        Process child = start(command);
        child.getOutputStream().close();
        boolean failed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                int colon = line.indexOf(": ");
                if (colon > 0 && line.substring(0, colon).matches("[a-z0-9_.]+")) {
                    String name = line.substring(0, colon);
                    figures.add(name, line.substring(colon + 2));
                    failed |= name.equals("failed");
                } else {
                    System.out.println("# " + transport + ": " + line);
                }
            }
        }
        int exit = child.waitFor();
        if (exit != 0 && !failed) {
            figures.add("failed", "its JVM exited with " + exit);
        }
    }

    /** The geometric means over the levels, CRT against Netty, and the cold start's difference. */
    private static void printRatios(Map<String, Map<String, String>> figures, int[] levels) {
        Map<String, String> netty = figures.get("netty");
        Map<String, String> crt = figures.get("crt");
        if (crt.containsKey("failed") || netty.containsKey("failed")) {
            return;
        }
        System.out.printf(Locale.ROOT, "crt_vs_netty.first_call_ms_diff: %.1f%n",
                Double.parseDouble(crt.get("first_call_ms")) - Double.parseDouble(netty.get("first_call_ms")));
        for (int level : levels) {
            for (String figure : List.of("calls_per_second", "cpu_s_per_1000_calls", "p99_ms")) {
                String name = "c" + level + "." + figure;
                System.out.printf(Locale.ROOT, "crt_vs_netty.%s_ratio: %.3f%n", name,
                        Double.parseDouble(crt.get(name)) / Double.parseDouble(netty.get(name)));
            }
        }
    }

    /**
     * What CRT extracts and loads here, out of the twelve platforms its jar carries, and what it would add to a jar
     * whose shading kept the Linux x86_64 glibc library only (the platform of the service's ECS task and the Lambda
     * worker): sizes as stored in the jar, compressed.
     */
    private static void nativeLibrarySize(List<String> classpath) throws IOException {
        long added = 0;
        long otherNatives = 0;
        for (Path jar : transportJars(classpath, "crt")) {
            added += size(jar);
            if (!jar.toString().contains("/software/amazon/awssdk/crt/")) {
                continue;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                List<? extends ZipEntry> natives = zip.stream()
                        .filter(e -> e.getName().matches(".*\\.(so|dylib|dll)")).toList();
                System.out.println("crt.native_libraries_in_jar: " + natives.size());
                for (ZipEntry entry : natives) {
                    if (entry.getName().equals(LINUX_X86_64_GLIBC)) {
                        System.out.printf(Locale.ROOT, "crt.native_library_linux_x86_64_glibc_mb: %.2f "
                                + "(%.2f in the jar)%n", entry.getSize() / 1048576.0,
                                entry.getCompressedSize() / 1048576.0);
                    } else {
                        otherNatives += entry.getCompressedSize();
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "crt.added_jar_mb_linux_x86_64_glibc_only: %.2f%n",
                (added - otherNatives) / 1048576.0);
    }

    private static List<Path> transportJars(List<String> classpath, String transport) {
        return classpath.stream().filter(jar -> jar.endsWith(".jar"))
                .filter(jar -> TRANSPORT_JARS.get(transport).stream().anyMatch(jar::contains))
                .map(Path::of).toList();
    }

    private static long size(Path jar) {
        try {
            return Files.size(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process start(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String join(String classes, List<String> classpath, Predicate<String> keep) {
        List<String> entries = new ArrayList<>(List.of(classes));
        classpath.stream().filter(entry -> entry.endsWith(".jar")).filter(keep).forEach(entries::add);
        return String.join(File.pathSeparator, entries);
    }

    /** This JVM's class path: the class loader's URLs under Maven's exec plugin, else {@code java.class.path}. */
    private static List<String> classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = HttpClientBenchmark.class.getClassLoader(); loader != null;
             loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: nothing a child JVM could load from
                    }
                }
            }
        }
        entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        return List.copyOf(entries);
    }
}

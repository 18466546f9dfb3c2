package dev.offhours.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * A moto server process on a free loopback port, started through {@code moto_server.py} (next to this class), which
 * runs {@code moto.server} with every DynamoDB request made atomic, as conditional writes are in AWS. Usually
 * obtained through {@link MotoExtension}, which shares one per test run; can also be started by hand (benchmarks, demos).
 *
 * <p>moto keeps resources per account id and region. Dummy credentials that moto did not issue belong to the
 * hub account {@link #HUB_ACCOUNT}; credentials from an STS AssumeRole belong to the role's account.
 */
public final class MotoServer implements AutoCloseable {

    public static final String HUB_ACCOUNT = "123456789012";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String INSTALL_HINT = "Install moto with its server extras into the python3 on the PATH: "
            + "python3 -m pip install 'moto[server]==5.2.1' (or set OFFHOURS_PYTHON to a Python that has it).";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    private static final String LAUNCHER = "moto_server.py";
    /** Imported by the launcher from its own folder: CloudWatch's CBOR protocol translated for moto. */
    private static final String CLOUDWATCH_CBOR = "cloudwatch_cbor.py";

    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /**
     * Starts moto and waits until it answers HTTP. Output goes to {@code logDirectory/moto-<port>.log}.
     *
     * @throws MotoUnavailableException explaining how to install moto when it is missing or does not start
     */
    public static MotoServer start(Path logDirectory) {
        return start(logDirectory, System.getenv().getOrDefault("OFFHOURS_PYTHON", "python3"));
    }

    /** As {@link #start(Path)} with an explicit Python executable. */
    public static MotoServer start(Path logDirectory, String python) {
        MotoUnavailableException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce(logDirectory, python);
            } catch (PortTakenException e) {
                last = new MotoUnavailableException(e.getMessage(), e);
            }
        }
        throw last;
    }

    private static MotoServer startOnce(Path logDirectory, String python) {
        int port = freeLoopbackPort();
        Path log = logDirectory.resolve("moto-" + port + ".log");
        Process process;
        try {
            Files.createDirectories(logDirectory);
            Path launcher = writeLauncher(logDirectory, port);
            process = new ProcessBuilder(List.of(python, launcher.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new MotoUnavailableException("Cannot run '" + python + "' (" + e.getMessage()
                    + "). " + INSTALL_HINT, e);
        }
        MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopProcess, "moto-stop-" + port));
        server.awaitReady(python);
        return server;
    }

    private static Path writeLauncher(Path directory, int port) throws IOException {
        try (InputStream module = MotoServer.class.getResourceAsStream(CLOUDWATCH_CBOR)) {
            if (module == null) {
                throw new IllegalStateException(CLOUDWATCH_CBOR + " is missing from the test-support jar");
            }
            Files.write(directory.resolve(CLOUDWATCH_CBOR), module.readAllBytes());
        }
        try (InputStream script = MotoServer.class.getResourceAsStream(LAUNCHER)) {
            if (script == null) {
                throw new IllegalStateException(LAUNCHER + " is missing from the test-support jar");
            }
            Path launcher = directory.resolve("moto-server-" + port + ".py");
            Files.write(launcher, script.readAllBytes());
            return launcher;
        }
    }

    /** Base URI of the server, e.g. {@code http://127.0.0.1:41234}; use it as the SDK endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    public String region() {
        return DEFAULT_REGION;
    }

    /** Where moto's own output goes; read it when a test fails in a way moto could explain. */
    public Path logFile() {
        return log;
    }

    /** Dummy static credentials; moto attributes them to {@link #HUB_ACCOUNT}. */
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }

    /** Points {@code builder} at moto in {@link #region()} with the hub account's dummy credentials and builds it. */
    public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return client(builder, credentials());
    }

    /** Points {@code builder} at moto with the given credentials (e.g. a spoke role's) and builds it. */
    public <B extends AwsClientBuilder<B, C>, C> C client(B builder, AwsCredentialsProvider credentials) {
        return builder.endpointOverride(endpoint).region(Region.of(region())).credentialsProvider(credentials).build();
    }

    /** Forgets every resource in every account (moto's {@code POST /moto-api/reset}). */
    public void reset() {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto reset answered HTTP " + response.statusCode() + ": "
                        + response.body() + "; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed (" + e.getMessage() + "); see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting moto", e);
        }
    }

    @Override
    public void close() {
        stopProcess();
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(String python) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String output = readLog();
                if (output.contains("Address already in use")) {
                    throw new PortTakenException("moto could not bind " + endpoint + ": port taken");
                }
                throw new MotoUnavailableException("'" + python + " " + LAUNCHER + "' exited with code " + process.exitValue()
                        + " before answering. " + INSTALL_HINT + " Its output (" + log + "):\n" + tail(output));
            }
            if (answers()) {
                return;
            }
            pause();
        }
        stopProcess();
        throw new MotoUnavailableException("moto did not answer on " + endpoint + " within " + STARTUP_TIMEOUT.toSeconds()
                + " s. " + INSTALL_HINT + " Its output (" + log + "):\n" + tail(readLog()));
    }

    private boolean answers() {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            http.send(request, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MotoUnavailableException("interrupted while waiting for moto to start", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MotoUnavailableException("interrupted while waiting for moto to start", e);
        }
    }

    private String readLog() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new MotoUnavailableException("cannot find a free loopback port for moto: " + e.getMessage(), e);
        }
    }

    private static final class PortTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}

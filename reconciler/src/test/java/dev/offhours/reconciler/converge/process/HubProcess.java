package dev.offhours.reconciler.converge.process;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A {@link HubProcessMain} in a child JVM on this JVM's classpath, its output appended to a log file. {@link #kill()}
 * is {@code kill -9} ({@link Process#destroyForcibly()}): no shutdown hook, no lease handed back, whatever was in
 * flight lost.
 */
public final class HubProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final HubProcessConfig config;
    private final Process process;
    private final Path log;

    private HubProcess(HubProcessConfig config, Process process, Path log) {
        this.config = config;
        this.process = process;
        this.log = log;
    }

    /** Starts the hub and waits until its loop runs. Small heap and C1 only: the machine is shared. */
    public static HubProcess start(HubProcessConfig config, Path log) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath(),
                HubProcessMain.class.getName()));
        command.addAll(config.toArgs());
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== start " + config.owner() + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            HubProcess hub = new HubProcess(config, process, log);
            // a caller that fails before closing it must not leave a hub running on shared tables
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "hub-process-stop"));
            hub.awaitReady();
            return hub;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the hub process: " + e.getMessage(), e);
        }
    }

    public HubProcessConfig config() {
        return config;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** kill -9, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the hub process " + process.pid() + " survived kill -9");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String ready = HubProcessMain.READY + config.owner();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log, StandardCharsets.UTF_8).contains(ready)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub process exited with " + process.exitValue()
                        + " before it was ready; see " + log);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the hub started", e);
            }
        }
        kill();
        throw new IllegalStateException("the hub process was not ready within " + START_TIMEOUT + "; see " + log);
    }

    /**
     * This JVM's classpath: surefire's test classpath in a test, the class loader's URLs under Maven's exec plugin
     * (which runs a main inside Maven's JVM), else {@code java.class.path}.
     */
    static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && !surefire.isBlank()) {
            return surefire;
        }
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = HubProcess.class.getClassLoader(); loader != null; loader = loader.getParent()) {
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
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry);
        }
        return String.join(File.pathSeparator, entries);
    }
}

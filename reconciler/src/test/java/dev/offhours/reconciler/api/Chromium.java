package dev.offhours.reconciler.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, run once per page: the DOM after the page's scripts ran, or a screenshot. */
final class Chromium {

    static final Path BINARY = Path.of(System.getProperty("offhours.chromium", "/usr/bin/chromium"));

    private Chromium() {
    }

    /** Fails (never skips) when Chromium is missing, saying how to install it. */
    static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("Chromium is needed for the dashboard test but " + BINARY + " is missing. "
                    + "Install it with: apt-get update && apt-get install -y chromium "
                    + "(or point -Doffhours.chromium=PATH at a Chromium binary).");
        }
    }

    static String dumpDom(String url, Path profile) throws IOException, InterruptedException {
        return run(profile, List.of("--dump-dom", url));
    }

    static void screenshot(String url, Path profile, Path png, String windowSize)
            throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(profile, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + windowSize,
                "--hide-scrollbars", url));
        if (!Files.exists(png)) {
            throw new AssertionError("Chromium wrote no screenshot to " + png);
        }
    }

    private static String run(Path profile, List<String> arguments) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--mute-audio",
                "--user-data-dir=" + profile.toAbsolutePath(), "--virtual-time-budget=5000"));
        command.addAll(arguments);
        Path log = profile.resolve("chromium.log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 90 s; its log: " + log);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("Chromium exited with " + process.exitValue() + ": " + Files.readString(log));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}

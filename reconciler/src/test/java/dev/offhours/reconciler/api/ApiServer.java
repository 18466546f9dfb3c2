package dev.offhours.reconciler.api;

import io.dropwizard.core.Application;
import io.dropwizard.testing.DropwizardTestSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The API on real ports (application and admin, both random) with its logs and request log in files, and a client
 * that remembers every answer so a test can search them for secrets.
 */
final class ApiServer implements AutoCloseable {

    static final String TOKEN = "s3cret-token-7f1e2d";
    static final String OTHER_TOKEN = "rotated-token-42ab";
    static final String EXTERNAL_ID = "ext-id-9c8b7a6d5e";
    static final String WEBHOOK_SECRET = "webhook-secret-1a2b3c";

    record Answer(int status, String body, java.util.Map<String, List<String>> headers) {
    }

    private final DropwizardTestSupport<ApiTestConfiguration> support;
    private final Path directory;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Answer> answers = new ArrayList<>();

    ApiServer(ApiDependencies deps, Path directory) {
        this.directory = directory;
        Path config = writeConfig(directory);
        this.support = new DropwizardTestSupport<>(ApiTestApplication.class, config.toString()) {
            @Override
            public Application<ApiTestConfiguration> newApplication() {
                return new ApiTestApplication(deps);
            }
        };
        try {
            support.before();
        } catch (Exception e) {
            throw new IllegalStateException("the API test server did not start", e);
        }
    }

    private static Path writeConfig(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(directory.resolve("service.log"));
            Files.deleteIfExists(directory.resolve("requests.log"));
            String yaml = """
                    api:
                      tokenSha256:
                        - %s
                        - %s
                    externalId: %s
                    webhookSecret: %s
                    server:
                      applicationConnectors: [{type: http, port: 0, bindHost: 127.0.0.1}]
                      adminConnectors: [{type: http, port: 0}]
                      requestLog:
                        appenders: [{type: file, currentLogFilename: %s, archive: false}]
                    logging:
                      level: INFO
                      loggers: {dev.offhours: DEBUG, org.glassfish.jersey: DEBUG, org.eclipse.jetty: DEBUG}
                      appenders: [{type: file, currentLogFilename: %s, archive: false}]
                    """.formatted(BearerTokens.sha256Hex(TOKEN), BearerTokens.sha256Hex(OTHER_TOKEN), EXTERNAL_ID,
                    WEBHOOK_SECRET, directory.resolve("requests.log"), directory.resolve("service.log"));
            Path file = directory.resolve("config.yml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + support.getLocalPort());
    }

    /** The addresses the admin connectors listen on. */
    List<String> adminHosts() {
        return java.util.Arrays.stream(support.getEnvironment().getApplicationContext().getServer().getConnectors())
                .map(org.eclipse.jetty.server.ServerConnector.class::cast)
                .filter(connector -> connector.getLocalPort() == support.getAdminPort())
                .map(org.eclipse.jetty.server.ServerConnector::getHost).toList();
    }

    int adminPort() {
        return support.getAdminPort();
    }

    Answer get(String path) {
        return get(path, TOKEN);
    }

    Answer get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Answer answer = new Answer(response.statusCode(), response.body(), response.headers().map());
            answers.add(answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<Answer> answers() {
        return answers;
    }

    /** Everything the service logged so far: its log and its request log. */
    String logs() {
        try {
            StringBuilder text = new StringBuilder();
            for (String name : List.of("service.log", "requests.log")) {
                Path file = directory.resolve(name);
                if (Files.exists(file)) {
                    text.append(Files.readString(file));
                }
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        support.after();
    }
}

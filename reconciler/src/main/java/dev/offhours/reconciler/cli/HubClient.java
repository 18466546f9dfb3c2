package dev.offhours.reconciler.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offhours.api.PageView;
import dev.offhours.api.TargetView;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The commands' client of a hub's status API ({@code /v1}), authenticated with a bearer token from the environment. */
final class HubClient {

    static final String DEFAULT_TOKEN_ENV = "OFFHOURS_TOKEN";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String token;
    private final String tokenEnv;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    private HubClient(URI base, String token, String tokenEnv) {
        this.base = base;
        this.token = token;
        this.tokenEnv = tokenEnv;
    }

    /** A client of the hub at {@code url}, with the token from environment variable {@code tokenEnv}. */
    static HubClient of(String url, String tokenEnv, Function<String, String> environment) {
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url : url + "/");
            if (base.getScheme() == null || !base.getScheme().matches("https?") || base.getHost() == null) {
                throw new IllegalArgumentException("not http(s)");
            }
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage("--hub-url must be the hub's http(s) address, like https://offhours.example.com, "
                    + "not '" + url + "'.");
        }
        String token = environment.apply(tokenEnv);
        if (token == null || token.isBlank()) {
            throw CommandFailure.usage("the hub needs a bearer token: set the environment variable " + tokenEnv
                    + " (or name another one with --token-env).");
        }
        return new HubClient(base, token.trim(), tokenEnv);
    }

    <T> T get(String path, TypeReference<T> type) {
        T found = find(path, type);
        if (found == null) {
            throw CommandFailure.unavailable("the hub at " + base + " has no " + path + " (404): is --hub-url the "
                    + "hub's application address (not its admin port, nor a proxy path that drops /v1)?");
        }
        return found;
    }

    /** Like {@link #get}, but null when the hub answers 404 (an unknown name). */
    <T> T find(String path, TypeReference<T> type) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw CommandFailure.unavailable(NetworkErrors.explain(e, base));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CommandFailure.unavailable("interrupted while asking the hub at " + base);
        }
        if (response.statusCode() == 401) {
            throw CommandFailure.unavailable("the hub at " + base + " refused the token in " + tokenEnv
                    + " (401 Unauthorized): set " + tokenEnv + " to a token whose SHA-256 is listed in the hub's "
                    + "api.tokenSha256 (printf %s \"$" + tokenEnv + "\" | sha256sum shows it).");
        }
        if (response.statusCode() == 404) {
            return null;
        }
        try {
            if (response.statusCode() != 200) {
                String message = JSON.readTree(response.body()).path("message").asText("");
                throw CommandFailure.unavailable("the hub at " + base + " answered " + response.statusCode() + " to " + path
                        + (message.isEmpty() ? "" : ": " + message));
            }
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw CommandFailure.unavailable("the hub at " + base + " answered " + path + " with something that is not the "
                    + "offhours API (" + e.getMessage() + ")");
        }
    }

    /** How many targets the hub's inventory binds to {@code schedule} now, per account. */
    Map<String, Integer> targetsPerAccount(String schedule) {
        Map<String, Integer> counts = new TreeMap<>();
        String cursor = null;
        do {
            PageView<TargetView> page = find("/v1/targets?limit=500&schedule=" + encode(schedule)
                    + (cursor == null ? "" : "&cursor=" + encode(cursor)), new TypeReference<>() { });
            if (page == null) {
                return counts; // neither a schedule of the running revision nor tagged on any target yet
            }
            page.items().forEach(t -> counts.merge(t.account(), 1, Integer::sum));
            cursor = page.nextCursor();
        } while (cursor != null);
        return counts;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

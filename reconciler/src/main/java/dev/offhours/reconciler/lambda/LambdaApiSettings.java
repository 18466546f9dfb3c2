package dev.offhours.reconciler.lambda;

import dev.offhours.reconciler.api.ApiDependencies;
import dev.offhours.reconciler.config.ConvergenceConfig;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The status API function's settings, from its environment variables (the Pulumi component sets them):
 *
 * <pre>
 * OFFHOURS_CONTROL_TABLE, OFFHOURS_INVENTORY_TABLE, OFFHOURS_OPERATIONS_TABLE   the hub's tables (required)
 * OFFHOURS_API_TOKEN_SHA256   SHA-256 (hex) of each accepted bearer token, comma-separated (required)
 * OFFHOURS_OVERDUE_AFTER      convergence.overdueAfter of the hub, ISO-8601 (default PT10M)
 * OFFHOURS_RECORD_RETENTION   workers.recordRetention of the hub, ISO-8601 (default P90D)
 * OFFHOURS_EVENTS_ENABLED     true when the hub runs the event-driven inventory (default false)
 * OFFHOURS_REFRESH            how old counts and the catalog snapshot may get, ISO-8601 (default PT10S)
 * AWS_REGION                  set by Lambda; AWS_ENDPOINT_URL_DYNAMODB overrides the endpoint (tests)
 * </pre>
 */
public record LambdaApiSettings(String controlTable, String inventoryTable, String operationsTable,
                                List<String> tokenSha256, Duration overdueAfter, Duration recordRetention,
                                boolean eventsEnabled, Duration refresh, String region,
                                Optional<URI> endpointOverride) {

    public static final String CONTROL_TABLE = "OFFHOURS_CONTROL_TABLE";
    public static final String INVENTORY_TABLE = "OFFHOURS_INVENTORY_TABLE";
    public static final String OPERATIONS_TABLE = "OFFHOURS_OPERATIONS_TABLE";
    public static final String TOKEN_SHA256 = "OFFHOURS_API_TOKEN_SHA256";
    public static final String OVERDUE_AFTER = "OFFHOURS_OVERDUE_AFTER";
    public static final String RECORD_RETENTION = "OFFHOURS_RECORD_RETENTION";
    public static final String EVENTS_ENABLED = "OFFHOURS_EVENTS_ENABLED";
    public static final String REFRESH = "OFFHOURS_REFRESH";
    public static final String REGION = "AWS_REGION";
    public static final String ENDPOINT = "AWS_ENDPOINT_URL_DYNAMODB";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    /** Reads {@code env}; every problem is listed in one message, each naming its variable. */
    public static LambdaApiSettings from(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String control = required(env, CONTROL_TABLE, problems);
        String inventory = required(env, INVENTORY_TABLE, problems);
        String operations = required(env, OPERATIONS_TABLE, problems);
        String region = required(env, REGION, problems);
        List<String> hashes = Arrays.stream(env.getOrDefault(TOKEN_SHA256, "").split(","))
                .map(String::trim).filter(h -> !h.isEmpty()).toList();
        if (hashes.isEmpty()) {
            problems.add(TOKEN_SHA256 + " must list the SHA-256 of at least one bearer token (comma-separated)");
        }
        for (int i = 0; i < hashes.size(); i++) {
            if (!SHA256.matcher(hashes.get(i)).matches()) {
                problems.add(TOKEN_SHA256 + " entry " + (i + 1) + " must be a SHA-256 in hex (64 digits 0-9a-f), as "
                        + "printed by printf %s \"$TOKEN\" | sha256sum, not the token itself");
            }
        }
        Duration overdue = duration(env, OVERDUE_AFTER, ConvergenceConfig.DEFAULT_OVERDUE_AFTER, problems);
        Duration retention = duration(env, RECORD_RETENTION, ApiDependencies.DEFAULT_RECORD_RETENTION, problems);
        Duration refresh = duration(env, REFRESH, Duration.ofSeconds(10), problems);
        String events = env.getOrDefault(EVENTS_ENABLED, "false").trim();
        if (!events.equals("true") && !events.equals("false")) {
            problems.add(EVENTS_ENABLED + " must be true or false, not '" + events + "'");
        }
        Optional<URI> endpoint = Optional.ofNullable(env.get(ENDPOINT)).filter(e -> !e.isBlank()).map(URI::create);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the status API function's environment is not usable: "
                    + String.join("; ", problems));
        }
        return new LambdaApiSettings(control, inventory, operations, hashes, overdue, retention,
                events.equals("true"), refresh, region, endpoint);
    }

    private static String required(Map<String, String> env, String name, List<String> problems) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            problems.add(name + " is not set");
            return null;
        }
        return value.trim();
    }

    private static Duration duration(Map<String, String> env, String name, Duration otherwise, List<String> problems) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            Duration value = Duration.parse(text.trim());
            if (value.isNegative() || value.isZero()) {
                problems.add(name + " must be a positive duration, not " + text);
            }
            return value;
        } catch (DateTimeParseException e) {
            problems.add(name + " must be an ISO-8601 duration such as PT10M or P90D, not '" + text + "'");
            return otherwise;
        }
    }
}

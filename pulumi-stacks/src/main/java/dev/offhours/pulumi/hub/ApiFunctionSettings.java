package dev.offhours.pulumi.hub;

import com.pulumi.core.Output;
import dev.offhours.pulumi.StackConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the status API and the dashboard run ({@code apiMode}): {@code ecs} in the hub service on ECS (the default
 * when the service is declared), {@code lambda} as a function behind an API Gateway HTTP API that reads only the hub's
 * tables, or {@code none}.
 *
 * @param mode     the API mode
 * @param function the function's settings, present exactly when {@code mode} is {@code LAMBDA}
 */
public record ApiFunctionSettings(Mode mode, Optional<Function> function) {

    public enum Mode { ECS, LAMBDA, NONE }

    /** Lambda allows at most this; API Gateway HTTP APIs wait 30 s for an integration. */
    public static final int MAX_TIMEOUT_SECONDS = 30;

    /**
     * The status API function.
     *
     * @param jarPath          the function's jar ({@code reconciler/target/offhours-api-lambda.jar})
     * @param memoryMb         memory, 128..10240 (default 1024: CPU grows with memory, and so does cold start speed)
     * @param timeoutSeconds   1..30 (default 15)
     * @param logRetentionDays retention of {@code /aws/lambda/<prefix>api} (default 30)
     * @param tokenSha256      SHA-256 (hex) of each accepted bearer token, comma-separated: a secret stack value
     * @param eventsEnabled    whether the hub runs the event-driven inventory (the accounts view flags missing events)
     * @param throttleRate     steady requests per second the stage lets through (default 20)
     * @param throttleBurst    burst the stage lets through (default 40)
     */
    public record Function(String jarPath, int memoryMb, int timeoutSeconds, int logRetentionDays,
                           Output<String> tokenSha256, boolean eventsEnabled, int throttleRate, int throttleBurst) {

        public Function {
            Objects.requireNonNull(tokenSha256, "apiTokenSha256");
            requireBetween("apiMemoryMb", memoryMb, 128, 10_240);
            requireBetween("apiTimeoutSeconds", timeoutSeconds, 1, MAX_TIMEOUT_SECONDS);
            requireBetween("apiThrottleRate", throttleRate, 1, 10_000);
            requireBetween("apiThrottleBurst", throttleBurst, 1, 5_000);
            if (!EcsServiceSettings.LOG_RETENTION_DAYS.contains(logRetentionDays)) {
                throw new IllegalArgumentException("apiLogRetentionDays must be one of CloudWatch's retention periods "
                        + EcsServiceSettings.LOG_RETENTION_DAYS.stream().sorted().toList() + ", not "
                        + logRetentionDays);
            }
            if (jarPath == null || jarPath.isBlank()) {
                throw new IllegalArgumentException("apiJarPath must name the status API function's jar "
                        + "(reconciler/target/offhours-api-lambda.jar)");
            }
        }
    }

    public ApiFunctionSettings {
        if ((mode == Mode.LAMBDA) != function.isPresent()) {
            throw new IllegalArgumentException("apiMode lambda needs the function's settings, and only it");
        }
    }

    public static final ApiFunctionSettings NONE = new ApiFunctionSettings(Mode.NONE, Optional.empty());
    public static final ApiFunctionSettings ECS = new ApiFunctionSettings(Mode.ECS, Optional.empty());

    public static ApiFunctionSettings lambda(Function function) {
        return new ApiFunctionSettings(Mode.LAMBDA, Optional.of(function));
    }

    /** {@code apiMode} and the {@code api*} settings of the hub program's stack configuration. */
    static ApiFunctionSettings fromConfig(StackConfig config, boolean serviceDeclared) {
        String mode = config.text("apiMode", serviceDeclared ? "ecs" : "none");
        switch (mode) {
            case "ecs":
                return ECS;
            case "none":
                return NONE;
            case "lambda":
                if (config.get("apiTokenSha256").isEmpty()) {
                    throw new IllegalArgumentException("apiMode lambda needs apiTokenSha256: the SHA-256 of each "
                            + "accepted bearer token, comma-separated, as a secret: pulumi config set --secret "
                            + "apiTokenSha256 \"$(printf %s \"$TOKEN\" | sha256sum | cut -d' ' -f1)\"");
                }
                return lambda(new Function(
                        config.text("apiJarPath", "../../reconciler/target/offhours-api-lambda.jar"),
                        config.integer("apiMemoryMb", 1024, 128, 10_240),
                        config.integer("apiTimeoutSeconds", 15, 1, MAX_TIMEOUT_SECONDS),
                        config.integer("apiLogRetentionDays", 30, 1, 3653),
                        config.requireSecret("apiTokenSha256"),
                        // as the service's updater, so the accounts view flags missing events only when they are read
                        !config.text("apiEventsEnabled", config.text("serviceEventsEnabled", "true")).equals("false"),
                        config.integer("apiThrottleRate", 20, 1, 10_000),
                        config.integer("apiThrottleBurst", 40, 1, 5_000)));
            default:
                throw new IllegalArgumentException("config apiMode must be 'lambda' (the status API as a Lambda "
                        + "function behind an API Gateway HTTP API), 'ecs' (inside the hub service on ECS) or 'none', "
                        + "not '" + mode + "'");
        }
    }

    private static void requireBetween(String setting, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(setting + " must be between " + min + " and " + max
                    + " (inclusive), not " + value);
        }
    }
}

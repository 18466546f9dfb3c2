package dev.offhours.pulumi.hub;

import dev.offhours.pulumi.PolicyJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task definition's one container: the reconciler image, its configuration file written from an environment
 * variable at start (the image carries only the example file), the secrets as environment variables, JSON logs to
 * CloudWatch, and a health check that asks the admin port on loopback from inside the container.
 */
public final class HubContainer {

    public static final String NAME = "hub";
    /** The generated configuration: not secret, it names each secret as a variable. */
    public static final String CONFIG_VARIABLE = "OFFHOURS_CONFIG_YAML";
    public static final String CONFIG_PATH = "/tmp/offhours/config.yml";
    /** What the Jib profile's image runs (Jib's entry point for a Java 17 base, with the profile's JVM flag). */
    public static final String JAVA_COMMAND = "exec java -XX:MaxRAMPercentage=75 -cp @/app/jib-classpath-file"
            + " dev.offhours.reconciler.OffhoursApplication server " + CONFIG_PATH;
    /**
     * bash's {@code /dev/tcp} instead of curl, which the base image does not promise; Dropwizard answers 200 only
     * when every health check is healthy.
     */
    public static final String HEALTH_CHECK = "exec 3<>/dev/tcp/127.0.0.1/" + EcsServiceSettings.ADMIN_PORT
            + " && printf 'GET /healthcheck HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '";

    private HubContainer() {
    }

    static String definitions(HubSettings hub, EcsServiceSettings service, String configYaml, String region,
                              String logGroup) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", NAME);
        container.put("image", service.image());
        container.put("essential", true);
        container.put("entryPoint", List.of("/bin/sh", "-c"));
        container.put("command", List.of("mkdir -p /tmp/offhours && printf '%s' \"$" + CONFIG_VARIABLE + "\" > "
                + CONFIG_PATH + " && " + JAVA_COMMAND));
        Map<String, Object> port = new LinkedHashMap<>();
        port.put("containerPort", EcsServiceSettings.APPLICATION_PORT);
        port.put("protocol", "tcp");
        container.put("portMappings", List.of(port));
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", CONFIG_VARIABLE);
        config.put("value", configYaml);
        container.put("environment", List.of(config));
        container.put("secrets", secrets(service.secrets()));
        Map<String, Object> healthCheck = new LinkedHashMap<>();
        healthCheck.put("command", List.of("CMD", "bash", "-c", HEALTH_CHECK));
        healthCheck.put("interval", 30);
        healthCheck.put("timeout", 5);
        healthCheck.put("retries", 3);
        // the first Git clone and discovery run before the health checks turn healthy
        healthCheck.put("startPeriod", 120);
        container.put("healthCheck", healthCheck);
        Map<String, Object> logOptions = new LinkedHashMap<>();
        logOptions.put("awslogs-group", logGroup);
        logOptions.put("awslogs-region", region);
        logOptions.put("awslogs-stream-prefix", hub.prefix() + "hub");
        Map<String, Object> logs = new LinkedHashMap<>();
        logs.put("logDriver", "awslogs");
        logs.put("options", logOptions);
        container.put("logConfiguration", logs);
        container.put("stopTimeout", 30);
        return PolicyJson.json(List.of(container));
    }

    private static List<Map<String, String>> secrets(EcsServiceSettings.ServiceSecrets secrets) {
        List<Map<String, String>> list = new ArrayList<>();
        list.add(secret(ServiceConfigFile.EXTERNAL_ID_VARIABLE, secrets.externalId()));
        list.add(secret(ServiceConfigFile.API_TOKEN_VARIABLE, secrets.apiTokenSha256()));
        secrets.gitToken().ifPresent(s -> list.add(secret(ServiceConfigFile.GIT_TOKEN_VARIABLE, s)));
        secrets.webhookSecret().ifPresent(s -> list.add(secret(ServiceConfigFile.WEBHOOK_SECRET_VARIABLE, s)));
        return list;
    }

    private static Map<String, String> secret(String variable, EcsServiceSettings.SecretRef ref) {
        Map<String, String> secret = new LinkedHashMap<>();
        secret.put("name", variable);
        secret.put("valueFrom", ref.arn());
        return secret;
    }
}

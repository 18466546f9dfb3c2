package dev.offhours.pulumi.preview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;
import dev.offhours.pulumi.StackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * A {@code Pulumi.<stack>.yaml} read without the Pulumi CLI: the values of one project's namespace
 * ({@code offhours-hub:key}). Encrypted values ({@code secure: ...}) cannot be read offline and become the
 * placeholder {@value #SECRET_PLACEHOLDER}, so no secret can reach the preview's output. Relative file paths
 * ({@code accountsFile}) are resolved against the file's folder, as {@code pulumi up} resolves them against the
 * project folder.
 */
public final class StackConfigFile {

    public static final String SECRET_PLACEHOLDER = "[secret]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StackConfigFile() {
    }

    /** The stack's {@code aws:region}, or the mocks' default. */
    public static String region(Path file) throws IOException {
        Object root = new Yaml().load(Files.readString(file));
        if (root instanceof Map<?, ?> map && map.get("config") instanceof Map<?, ?> config
                && config.get("aws:region") instanceof String region) {
            return region;
        }
        return dev.offhours.pulumi.MockedStack.REGION;
    }

    public static StackConfig read(Path file, String project) throws IOException {
        Object root = new Yaml().load(Files.readString(file));
        Map<String, String> values = new LinkedHashMap<>();
        if (root instanceof Map<?, ?> map && map.get("config") instanceof Map<?, ?> config) {
            for (Map.Entry<?, ?> entry : config.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (!key.startsWith(project + ":")) {
                    continue;
                }
                String name = key.substring(project.length() + 1);
                Object value = entry.getValue();
                if (value instanceof Map<?, ?> secure && secure.containsKey("secure")) {
                    values.put(name, SECRET_PLACEHOLDER);
                } else if (value instanceof List<?> list) {
                    values.put(name, JSON.writeValueAsString(list.stream().map(String::valueOf).toList()));
                } else if (value != null) {
                    values.put(name, String.valueOf(value));
                }
            }
        } else {
            throw new IllegalArgumentException(file + " has no config: section (a Pulumi.<stack>.yaml holds"
                    + " `config:` with keys like " + project + ":prefix)");
        }
        values.computeIfPresent("accountsFile", (k, v) -> resolve(file, v));
        values.computeIfPresent("lambdaJarPath", (k, v) -> resolve(file, v));
        return new StackConfig() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
            }

            @Override
            public Output<String> requireSecret(String key) {
                if (!values.containsKey(key)) {
                    return StackConfig.ofMap(values).requireSecret(key); // fails, naming the command to run
                }
                // even a value written in plain text is only printed as the placeholder
                return Output.ofSecret(SECRET_PLACEHOLDER);
            }
        };
    }

    private static String resolve(Path file, String path) {
        Path folder = file.toAbsolutePath().getParent();
        return Path.of(path).isAbsolute() ? path : folder.resolve(path).normalize().toString();
    }
}

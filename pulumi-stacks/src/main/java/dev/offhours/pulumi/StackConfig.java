package dev.offhours.pulumi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Config;
import com.pulumi.core.Output;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack configuration a program reads ({@code pulumi config set <key> <value>} in the program's namespace).
 * An interface so that the tests feed plain maps through the same parsing and validation as {@code pulumi up}.
 */
public interface StackConfig {

    Optional<String> get(String key);

    /** A value set with {@code pulumi config set --secret}; it stays encrypted in the state. */
    Output<String> requireSecret(String key);

    /** The program's namespace in the stack configuration (the project name). */
    static StackConfig of(Config config) {
        return new StackConfig() {
            @Override
            public Optional<String> get(String key) {
                return config.get(key);
            }

            @Override
            public Output<String> requireSecret(String key) {
                return config.requireSecret(key);
            }
        };
    }

    /** For tests: plain values, and secrets that the program must treat as secrets. */
    static StackConfig ofMap(Map<String, String> values) {
        return new StackConfig() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
            }

            @Override
            public Output<String> requireSecret(String key) {
                return Output.ofSecret(get(key).orElseThrow(() -> missing(key, "pulumi config set --secret " + key
                        + " <value>")));
            }
        };
    }

    default String require(String key) {
        return get(key).orElseThrow(() -> missing(key, "pulumi config set " + key + " <value>"));
    }

    default String text(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /** An integer between {@code min} and {@code max} (inclusive), {@code defaultValue} when unset. */
    default int integer(String key, int defaultValue, int min, int max) {
        int value;
        try {
            value = get(key).map(String::trim).map(Integer::parseInt).orElse(defaultValue);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config " + key + " must be a whole number between " + min + " and "
                    + max + ", not '" + get(key).orElse("") + "'", e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("config " + key + " must be between " + min + " and " + max
                    + " (inclusive), not " + value);
        }
        return value;
    }

    /** A list given as a JSON array ({@code pulumi config set --path 'key[0]' x}) or as comma-separated text. */
    default List<String> list(String key) {
        Optional<String> raw = get(key).map(String::trim);
        if (raw.isEmpty()) {
            return List.of();
        }
        if (raw.get().startsWith("[")) {
            try {
                return List.of(new ObjectMapper().readValue(raw.get(), String[].class));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("config " + key + " must be a JSON array of strings or a"
                        + " comma-separated list, not '" + raw.get() + "'", e);
            }
        }
        return Arrays.stream(raw.get().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static IllegalArgumentException missing(String key, String command) {
        return new IllegalArgumentException("config " + key + " is required; set it with `" + command + "`");
    }
}

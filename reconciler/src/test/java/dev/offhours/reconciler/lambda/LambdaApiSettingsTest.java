package dev.offhours.reconciler.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LambdaApiSettingsTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("OFFHOURS_CONTROL_TABLE", "offhours-control");
        env.put("OFFHOURS_INVENTORY_TABLE", "offhours-inventory");
        env.put("OFFHOURS_OPERATIONS_TABLE", "offhours-operations");
        env.put("OFFHOURS_API_TOKEN_SHA256", HASH + " , " + HASH.toUpperCase());
        env.put("AWS_REGION", "eu-central-1");
        return env;
    }

    @Test
    void theDefaultsAreTheServicesDefaults() {
        LambdaApiSettings settings = LambdaApiSettings.from(env());

        assertThat(settings.tokenSha256()).hasSize(2);
        assertThat(settings.overdueAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.recordRetention()).isEqualTo(Duration.ofDays(90));
        assertThat(settings.refresh()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.eventsEnabled()).isFalse();
        assertThat(settings.endpointOverride()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "OFFHOURS_CONTROL_TABLE    |                        | OFFHOURS_CONTROL_TABLE is not set",
        "AWS_REGION                |                        | AWS_REGION is not set",
        "OFFHOURS_API_TOKEN_SHA256 |                        | must list the SHA-256 of at least one bearer token",
        "OFFHOURS_API_TOKEN_SHA256 | s3cret-token           | entry 1 must be a SHA-256 in hex (64 digits 0-9a-f)",
        "OFFHOURS_OVERDUE_AFTER    | 10m                    | OFFHOURS_OVERDUE_AFTER must be an ISO-8601 duration",
        "OFFHOURS_RECORD_RETENTION | PT0S                   | OFFHOURS_RECORD_RETENTION must be a positive duration",
        "OFFHOURS_EVENTS_ENABLED   | yes                    | OFFHOURS_EVENTS_ENABLED must be true or false, not 'yes'",
    })
    void aWrongVariableIsNamedInTheMessage(String name, String value, String message) {
        Map<String, String> env = env();
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }

        assertThatThrownBy(() -> LambdaApiSettings.from(env)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void everyProblemIsListedAtOnceAndNoTokenIsEchoed() {
        Map<String, String> env = new HashMap<>();
        env.put("OFFHOURS_API_TOKEN_SHA256", "plain-text-token-1234");

        assertThatThrownBy(() -> LambdaApiSettings.from(env)).hasMessageContaining("OFFHOURS_CONTROL_TABLE")
                .hasMessageContaining("OFFHOURS_INVENTORY_TABLE").hasMessageContaining("OFFHOURS_OPERATIONS_TABLE")
                .hasMessageContaining("AWS_REGION").hasMessageNotContaining("plain-text-token-1234");
    }
}

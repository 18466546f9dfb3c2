package dev.offhours.reconciler.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.Validator;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DiscoveryConfigTest {

    private static final Validator VALIDATOR = Validators.newValidator();
    private static final ObjectMapper YAML = Jackson.newObjectMapper(new YAMLFactory());

    @Test
    void defaultsToOnceADaySixteenAccountRegionsAtOnce() {
        DiscoveryConfig config = new DiscoveryConfig();

        assertThat(VALIDATOR.validate(config)).isEmpty();
        assertThat(config.enabled()).isTrue();
        assertThat(config.intervalDuration()).isEqualTo(Duration.ofHours(24));
        assertThat(config.settings()).isEqualTo(new Discovery.Settings(16, 100));
    }

    @Test
    void readsItsSectionOfTheServiceConfiguration() throws Exception {
        DiscoveryConfig config = YAML.readValue("""
                interval: 24 hours
                concurrency: 32
                progressEvery: 50
                """, DiscoveryConfig.class);

        assertThat(VALIDATOR.validate(config)).isEmpty();
        assertThat(config.intervalDuration()).isEqualTo(Duration.ofHours(24));
        assertThat(config.settings()).isEqualTo(new Discovery.Settings(32, 50));
    }

    @ParameterizedTest
    @CsvSource({
            "interval: 30 seconds, interval",
            "concurrency: 0, concurrency",
            "concurrency: 1000, concurrency",
            "progressEvery: 0, progressEvery"})
    void refusesValuesThatCannotWork(String yaml, String property) throws Exception {
        DiscoveryConfig config = YAML.readValue(yaml, DiscoveryConfig.class);

        assertThat(VALIDATOR.validate(config)).extracting(v -> v.getPropertyPath().toString()).containsExactly(property);
    }
}

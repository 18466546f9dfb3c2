package dev.offhours.reconciler.git;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GitSourceConfigTest {

    private static final Validator VALIDATOR = Validators.newValidator();

    private static Set<ConstraintViolation<GitSourceConfig>> violations(GitSourceConfig config) {
        return VALIDATOR.validate(config);
    }

    @Test
    void defaultsAreAOneMinutePollWithTenPercentJitterOnMain() {
        GitSourceConfig config = new GitSourceConfig().url("https://github.com/acme/schedules.git");

        assertThat(violations(config)).isEmpty();
        assertThat(config.branch()).isEqualTo("main");
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.jitter()).isEqualTo(0.1);
        assertThat(config.username()).isEqualTo("x-access-token");
        assertThat(config.strictHostKeyChecking()).isTrue();
    }

    static Stream<Arguments> invalid() {
        return Stream.<Arguments>of(
                Arguments.of("no url", (UnaryOperator<GitSourceConfig>) c -> c.url(" "), "url"),
                Arguments.of("token and key", (UnaryOperator<GitSourceConfig>) c -> c.token("t")
                        .sshPrivateKeyFile(Path.of("id_ed25519")), "oneAuthenticationMethod"),
                Arguments.of("jitter too large", (UnaryOperator<GitSourceConfig>) c -> c.jitter(0.9), "jitter"),
                Arguments.of("branch with a space", (UnaryOperator<GitSourceConfig>) c -> c.branch("my branch"),
                        "branch"),
                Arguments.of("interval below a second",
                        (UnaryOperator<GitSourceConfig>) c -> c.pollInterval(Duration.ofMillis(10)), "pollInterval"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesConfigurationsThatCannotWork(String name, UnaryOperator<GitSourceConfig> change, String property) {
        GitSourceConfig config = change.apply(new GitSourceConfig().url("https://github.com/acme/schedules.git"));

        assertThat(violations(config)).extracting(v -> v.getPropertyPath().toString()).contains(property);
    }

    @Test
    void bindsFromYamlAsDropwizardDoesAndHidesSecrets() throws Exception {
        ObjectMapper mapper = Jackson.newObjectMapper();
        YamlConfigurationFactory<GitSourceConfig> factory = new YamlConfigurationFactory<>(GitSourceConfig.class,
                VALIDATOR, mapper, "dw");
        Path file = Path.of(getClass().getResource("/git-source.yml").toURI());

        GitSourceConfig config = factory.build(file.toFile());

        assertThat(config.url()).isEqualTo("https://github.com/acme/schedules.git");
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.token()).contains("ghs_from_the_environment");
        assertThat(config.webhookSecret()).contains("hook-secret");
        assertThat(config.toString()).doesNotContain("ghs_from_the_environment", "hook-secret");
    }
}

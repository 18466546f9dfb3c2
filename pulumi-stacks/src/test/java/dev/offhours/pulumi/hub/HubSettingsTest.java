package dev.offhours.pulumi.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offhours.pulumi.MockedStack;
import dev.offhours.pulumi.StackConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration checks that fail the program before anything is declared. */
class HubSettingsTest {

    @Test
    void maximumConcurrencyDefaultsToFifty() {
        HubSettings settings = HubSettings.from(StackConfig.ofMap(HubFixtures.lambdaConfig()));
        assertThat(settings.lambda().orElseThrow().maximumConcurrency()).isEqualTo(50);
    }

    @ParameterizedTest
    @CsvSource({"1", "1001", "0", "fifty"})
    void maximumConcurrencyOutsideAwsBoundsIsRefused(String value) {
        Map<String, String> config = HubFixtures.lambdaConfig();
        config.put("lambdaMaximumConcurrency", value);
        assertThatThrownBy(() -> HubSettings.from(StackConfig.ofMap(config)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lambdaMaximumConcurrency").hasMessageContaining("2 and 1000");
    }

    @ParameterizedTest
    @CsvSource({"2", "1000", "200"})
    void maximumConcurrencyWithinBoundsIsAccepted(int value) {
        Map<String, String> config = HubFixtures.lambdaConfig();
        config.put("lambdaMaximumConcurrency", String.valueOf(value));
        assertThat(HubSettings.from(StackConfig.ofMap(config)).lambda().orElseThrow().maximumConcurrency())
                .isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"120, 719", "120, 600", "900, 900", "60, 0"})
    void visibilityTimeoutBelowSixTimesTheFunctionTimeoutIsRefused(int timeout, int visibility) {
        Map<String, String> config = HubFixtures.lambdaConfig();
        config.put("lambdaTimeoutSeconds", String.valueOf(timeout));
        config.put("workQueueVisibilityTimeoutSeconds", String.valueOf(visibility));
        assertThatThrownBy(() -> HubSettings.from(StackConfig.ofMap(config)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least six times lambdaTimeoutSeconds")
                .hasMessageContaining("at least " + 6 * timeout);
    }

    @ParameterizedTest
    @CsvSource({"120, 720", "150, 900", "900, 5400"})
    void visibilityTimeoutOfSixTimesTheFunctionTimeoutOrMoreIsAccepted(int timeout, int visibility) {
        Map<String, String> config = HubFixtures.lambdaConfig();
        config.put("lambdaTimeoutSeconds", String.valueOf(timeout));
        config.put("workQueueVisibilityTimeoutSeconds", String.valueOf(visibility));
        assertThat(HubSettings.from(StackConfig.ofMap(config)).workQueueVisibilitySeconds()).isEqualTo(visibility);
    }

    @Test
    void theProgramFailsWithTheVisibilityMessageAndDeclaresNothing() {
        Map<String, String> config = HubFixtures.lambdaConfig();
        config.put("workQueueVisibilityTimeoutSeconds", "300");
        MockedStack.Run run = HubFixtures.run(config);
        assertThat(run.result().exitCode()).isNotZero();
        assertThat(run.result().exceptions()).anySatisfy(e -> assertThat(e).hasStackTraceContaining("six times"));
        assertThat(run.ofType("aws:sqs/queue:Queue")).isEmpty();
    }

    @Test
    void theBusPolicyNeedsAnOrganizationOrAnAccountListButNotBoth() {
        assertThatThrownBy(() -> HubSettings.from(StackConfig.ofMap(Map.of())))
                .hasMessageContaining("set exactly one of organizationId");
        assertThatThrownBy(() -> HubSettings.from(StackConfig.ofMap(Map.of("organizationId", "o-a1b2c3d4e5",
                "spokeAccountIds", "111122223333")))).hasMessageContaining("not both");
        assertThatThrownBy(() -> HubSettings.from(StackConfig.ofMap(Map.of("spokeAccountIds", "1111"))))
                .hasMessageContaining("12-digit");
    }

    @Test
    void withAnAccountListOnlyThoseAccountsMayPutEvents() {
        MockedStack.Run run = HubFixtures.run(Map.of("spokeAccountIds", "[\"111122223333\",\"222233334444\"]"));
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
        JsonNode statement = run.ofType("aws:cloudwatch/eventBusPolicy:EventBusPolicy").get(0).json("policy")
                .at("/Statement/0");
        assertThat(statement.at("/Principal/AWS").toString())
                .isEqualTo("[\"arn:aws:iam::111122223333:root\",\"arn:aws:iam::222233334444:root\"]");
        assertThat(statement.has("Condition")).isFalse();
    }

    @Test
    void anUnknownWorkerModeIsRefused() {
        Map<String, String> config = HubFixtures.organizationConfig();
        config.put("workerMode", "fargate");
        assertThatThrownBy(() -> HubSettings.from(StackConfig.ofMap(config)))
                .hasMessageContaining("'service'").hasMessageContaining("'lambda'");
    }
}

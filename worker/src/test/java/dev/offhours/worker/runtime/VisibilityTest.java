package dev.offhours.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VisibilityTest {

    @ParameterizedTest(name = "{0} -> {1} s")
    @CsvSource({
            "PT0S, 0",
            "PT-5S, 0",
            "PT0.2S, 1",
            "PT30S, 30",
            "PT30.001S, 31",
            "PT11H59M59S, 43199",
            "PT12H, 43200",
            "PT48H, 43200",
    })
    void delaysBecomeWholeSecondsRoundedUpAndCappedAtTwelveHours(Duration delay, int expectedSeconds) {
        assertThat(Visibility.seconds(delay)).isEqualTo(expectedSeconds);
    }
}

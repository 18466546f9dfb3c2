package dev.offhours.reconciler.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import dev.offhours.testsupport.MutableClock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventsHealthCheckTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    @ParameterizedTest(name = "last answer {0} s after start, checked {1} s after start: healthy {2}")
    @CsvSource(delimiter = '|', value = {
            "     | 30  | true  | first read of the events queue under way",
            "     | 121 | false | has not answered since the start 121 s ago",
            "100  | 130 | true  | answered 30 s ago",
            "100  | 220 | true  | answered 120 s ago",
            "100  | 221 | false | last answered 121 s ago (allowed 120 s)"})
    void reportsAConsumerThatStoppedReadingTheEventsQueue(Long answeredAt, long checkedAt, boolean healthy,
                                                         String message) {
        Optional<Instant> lastReceive = Optional.ofNullable(answeredAt).map(START::plusSeconds);
        MutableClock clock = new MutableClock(START);
        EventsHealthCheck check = new EventsHealthCheck(() -> lastReceive, EventsHealthCheck.DEFAULT_MAX_AGE, clock);

        clock.set(START.plusSeconds(checkedAt));
        HealthCheck.Result result = check.execute();

        assertThat(result.isHealthy()).isEqualTo(healthy);
        assertThat(result.getMessage()).contains(message);
    }
}

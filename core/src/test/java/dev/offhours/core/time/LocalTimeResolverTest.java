package dev.offhours.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The resolver must do exactly what {@code ZonedDateTime.ofLocal(local, zone, null)} does (gap: forward by the gap;
 * overlap: earlier offset), checked minute by minute around every offset change of 2026 and 2027.
 */
class LocalTimeResolverTest {

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
            "Pacific/Chatham", "Africa/Casablanca", "Antarctica/Troll"})
    void resolvesLikeZonedDateTimeOfLocalAroundEveryOffsetChange(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        LocalTimeResolver resolver = new LocalTimeResolver(zone);
        Instant end = Instant.parse("2028-01-01T00:00:00Z");
        int compared = 0;
        for (ZoneOffsetTransition change = zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
                change != null && change.getInstant().isBefore(end);
                change = zone.getRules().nextTransition(change.getInstant())) {
            LocalDateTime around = change.getDateTimeBefore().minusHours(3);
            for (int minute = 0; minute <= 6 * 60; minute++) {
                LocalDateTime local = around.plusMinutes(minute);
                assertThat(resolver.instantOf(local)).as("%s in %s", local, zone)
                        .isEqualTo(ZonedDateTime.ofLocal(local, zone, null).toInstant());
                compared++;
            }
        }
        LocalDateTime ordinary = LocalDateTime.parse("2026-07-15T12:34:56.789");
        assertThat(resolver.instantOf(ordinary)).isEqualTo(ZonedDateTime.ofLocal(ordinary, zone, null).toInstant());
        assertThat(compared > 0).as("found offset changes to check").isEqualTo(!zoneName.equals("Asia/Kolkata"));
    }
}

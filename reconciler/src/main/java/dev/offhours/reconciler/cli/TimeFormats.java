package dev.offhours.reconciler.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the CLI writes instants: ISO-8601 with the schedule zone's offset for machines, weekday and zone for people. */
final class TimeFormats {

    /** Always seconds and always a numeric offset ("+00:00", never "Z"), so that every value has one shape. */
    private static final DateTimeFormatter ISO_WITH_OFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("EEE uuuu-MM-dd HH:mm xxx", Locale.ROOT);
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private TimeFormats() {
    }

    /** {@code 2026-03-29T07:30:00+02:00}. */
    static String iso(Instant instant, ZoneId zone) {
        return ISO_WITH_OFFSET.format(instant.atZone(zone));
    }

    /** {@code Sun 2026-03-29 07:30 +02:00}. */
    static String local(Instant instant, ZoneId zone) {
        return LOCAL.format(instant.atZone(zone));
    }

    /** {@code 2026-03-29 05:30} (UTC implied by the column). */
    static String utc(Instant instant) {
        return UTC.format(instant);
    }

    /** {@code 11:30} hours and minutes; days count as 24 hours. */
    /** A warm-up as the schedule file writes it: {@code 15m}, {@code 2h}, {@code 1h30m}. */
    static String duration(Duration duration) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        return (hours > 0 ? hours + "h" : "") + (minutes > 0 || hours == 0 ? minutes + "m" : "");
    }

    static String hours(Duration duration) {
        return duration.toHours() + ":" + String.format(Locale.ROOT, "%02d", duration.toMinutesPart());
    }
}

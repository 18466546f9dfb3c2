package dev.offhours.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Turns a schedule's local wall-clock times into instants with the language's rules: a local time inside a
 * spring-forward gap moves forward by the length of the gap, an ambiguous one (fall-back) takes the earlier offset.
 * This is what {@code ZonedDateTime.ofLocal(local, zone, null)} does; the offset in force before a transition gives
 * the same instant in both cases, without building a ZonedDateTime for every period of every day.
 */
final class LocalTimeResolver {

    private final ZoneId zone;
    private final ZoneRules rules;
    private final ZoneOffset fixedOffset;

    LocalTimeResolver(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
    }

    Instant instantOf(LocalDateTime local) {
        // ZoneRules.getOffset(LocalDateTime) answers the offset before the transition for a gap and for an overlap.
        ZoneOffset offset = fixedOffset != null ? fixedOffset : rules.getOffset(local);
        return Instant.ofEpochSecond(local.toEpochSecond(offset), local.getNano());
    }

    LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The first instant of a local day (a day may start after midnight when a gap swallows 00:00). */
    Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    ZoneId zone() {
        return zone;
    }
}

package dev.offhours.core.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Accepts {@code UTC} and the region-based IANA ids of the tz database's geographic areas ({@code Europe/Berlin},
 * {@code America/New_York}); rejects abbreviations such as {@code CET} or {@code EST}, which name no place and so
 * cannot follow a region's daylight-saving rules, the fixed offsets of {@code Etc/} ({@code Etc/GMT+10} is UTC-10
 * all year), and the old country names the tz database keeps only for backward compatibility ({@code US/Eastern},
 * {@code Canada/Pacific}): for those the advice names the canonical zone with the same rules.
 */
final class TimeZones {

    /** The tz database's geographic areas; every other id is an abbreviation, a fixed offset or a legacy name. */
    private static final List<String> AREAS = List.of("Africa/", "America/", "Antarctica/", "Arctic/", "Asia/",
            "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/");
    /** Where a suggestion for a fixed offset is measured: any instant works for a zone without daylight saving. */
    private static final Instant REFERENCE = Instant.parse("2026-01-15T00:00:00Z");

    private static final Set<String> REGION_IDS = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.equals("UTC") || AREAS.stream().anyMatch(id::startsWith))
            .collect(Collectors.toUnmodifiableSet());
    private static final Map<String, String> FOR_ABBREVIATION = Map.ofEntries(
            Map.entry("CET", "Europe/Berlin"), Map.entry("CEST", "Europe/Berlin"), Map.entry("MET", "Europe/Berlin"),
            Map.entry("EET", "Europe/Helsinki"), Map.entry("WET", "Europe/Lisbon"), Map.entry("GMT", "Europe/London"),
            Map.entry("BST", "Europe/London"), Map.entry("EST", "America/New_York"),
            Map.entry("EDT", "America/New_York"), Map.entry("EST5EDT", "America/New_York"),
            Map.entry("CST", "America/Chicago"), Map.entry("CST6CDT", "America/Chicago"),
            Map.entry("MST", "America/Denver"), Map.entry("MST7MDT", "America/Denver"),
            Map.entry("PST", "America/Los_Angeles"), Map.entry("PST8PDT", "America/Los_Angeles"),
            Map.entry("HST", "Pacific/Honolulu"), Map.entry("IST", "Asia/Kolkata"), Map.entry("JST", "Asia/Tokyo"),
            Map.entry("AEST", "Australia/Sydney"), Map.entry("Z", "UTC"));
    private static final Map<String, ZoneId> CACHE = new ConcurrentHashMap<>();

    private TimeZones() {
    }

    static Optional<ZoneId> zone(String id) {
        if (!REGION_IDS.contains(id)) {
            return Optional.empty();
        }
        return Optional.of(CACHE.computeIfAbsent(id, ZoneId::of));
    }

    /** A sentence that says what would be valid instead of {@code id}. */
    static String advice(String id) {
        String suggestion = FOR_ABBREVIATION.get(id.toUpperCase(Locale.ROOT));
        if (suggestion == null && id.contains("/")) {
            suggestion = sameRules(id).orElse(null);
        }
        if (suggestion == null) {
            suggestion = REGION_IDS.stream().filter(z -> z.equalsIgnoreCase(id)).findFirst()
                    .or(() -> Suggestions.nearest(id, REGION_IDS)).orElse("Europe/Berlin");
        }
        return "use a region-based IANA time zone id such as '" + suggestion + "' (abbreviations like 'CET' or 'EST'"
                + " and fixed offsets do not follow daylight saving time)";
    }

    /** Every accepted id, sorted (the schema's list of time zones). */
    static List<String> accepted() {
        return REGION_IDS.stream().sorted().toList();
    }

    /**
     * For an id the JDK knows but that is refused: the accepted zone with the same rules (a legacy name's canonical
     * zone), or for a fixed offset one that keeps that offset all year.
     */
    private static Optional<String> sameRules(String id) {
        ZoneRules rules;
        try {
            rules = ZoneId.of(id).getRules();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        if (rules.isFixedOffset()) {
            ZoneOffset offset = rules.getOffset(REFERENCE);
            return offset.getTotalSeconds() == 0 ? Optional.of("UTC") : accepted().stream()
                    .filter(z -> !z.equals("UTC"))
                    .filter(z -> ZoneId.of(z).getRules().getTransitionRules().isEmpty()
                            && ZoneId.of(z).getRules().getOffset(REFERENCE).equals(offset))
                    .findFirst();
        }
        return accepted().stream().filter(z -> ZoneId.of(z).getRules().equals(rules)).findFirst();
    }
}

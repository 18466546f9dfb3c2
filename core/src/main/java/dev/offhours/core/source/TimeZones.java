package dev.offhours.core.source;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Accepts region-based IANA ids ({@code Europe/Berlin}) and {@code UTC}; rejects abbreviations such as {@code CET} or
 * {@code EST}, which name no place and so cannot follow a region's daylight-saving rules, and fixed offsets.
 */
final class TimeZones {

    private static final Set<String> REGION_IDS = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.equals("UTC") || (id.contains("/") && !id.startsWith("SystemV/")))
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
        if (suggestion == null) {
            suggestion = REGION_IDS.stream().filter(z -> z.equalsIgnoreCase(id)).findFirst()
                    .or(() -> Suggestions.nearest(id, REGION_IDS)).orElse("Europe/Berlin");
        }
        return "use a region-based IANA time zone id such as '" + suggestion + "' (abbreviations like 'CET' or 'EST'"
                + " and fixed offsets do not follow daylight saving time)";
    }
}

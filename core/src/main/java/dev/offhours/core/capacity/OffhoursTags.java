package dev.offhours.core.capacity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The tags offhours reads and writes on a resource and their value formats. */
public final class OffhoursTags {

    /** Opt-in: names the one schedule that may put the resource to sleep. */
    public static final String SCHEDULE = "offhours.dev/schedule";
    /** Awake capacity saved before the first sleep, e.g. {@code min=2,desired=3,max=10}. */
    public static final String AWAKE_CAPACITY = "offhours.dev/awake-capacity";
    /** Self-service opt-out: no sleep before this ISO-8601 instant. */
    public static final String KEEP_AWAKE_UNTIL = "offhours.dev/keep-awake-until";

    private OffhoursTags() {
    }

    /** Formats a capacity as the value of {@link #AWAKE_CAPACITY}. */
    public static String formatCapacity(Capacity capacity) {
        return capacity.toString();
    }

    /**
     * The awake capacity a resource's tags save; empty when the tag is absent, unreadable or 0/0/0 (never an awake
     * capacity). Discovery reports the unreadable ones; readers that only need the value use this.
     */
    public static Optional<Capacity> savedAwake(Map<String, String> tags) {
        String value = tags.get(AWAKE_CAPACITY);
        if (value == null) {
            return Optional.empty();
        }
        try {
            Capacity capacity = parseCapacity(value);
            return capacity.isZero() ? Optional.empty() : Optional.of(capacity);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @throws IllegalArgumentException saying what a valid value looks like */
    public static Capacity parseCapacity(String value) {
        String expected = "; expected a value like min=2,desired=3,max=10";
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("tag " + AWAKE_CAPACITY + " is empty" + expected);
        }
        Map<String, Integer> parts = new LinkedHashMap<>();
        for (String part : value.split(",")) {
            String[] keyValue = part.trim().split("=", 2);
            if (keyValue.length != 2 || !keyValue[1].trim().matches("\\d{1,9}")) {
                throw new IllegalArgumentException("tag " + AWAKE_CAPACITY + " has '" + part.trim() + "'" + expected);
            }
            if (parts.put(keyValue[0].trim(), Integer.parseInt(keyValue[1].trim())) != null) {
                throw new IllegalArgumentException("tag " + AWAKE_CAPACITY + " repeats '" + keyValue[0].trim() + "'" + expected);
            }
        }
        if (!parts.keySet().equals(java.util.Set.of("min", "desired", "max"))) {
            throw new IllegalArgumentException("tag " + AWAKE_CAPACITY + " has keys " + parts.keySet()
                    + " but needs exactly min, desired and max" + expected);
        }
        try {
            return new Capacity(parts.get("min"), parts.get("desired"), parts.get("max"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tag " + AWAKE_CAPACITY + "=" + value + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException saying what a valid value looks like */
    public static Instant parseInstant(String value) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.trim()).toInstant();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("tag " + KEEP_AWAKE_UNTIL + "=" + value
                        + " is not an ISO-8601 instant; expected e.g. 2026-03-02T22:00:00Z or 2026-03-02T23:00:00+01:00", e);
            }
        }
    }
}

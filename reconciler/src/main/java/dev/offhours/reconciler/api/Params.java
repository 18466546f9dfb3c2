package dev.offhours.reconciler.api;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses query parameters into values, or refuses them with a 400 that says what is valid. */
final class Params {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final Duration DEFAULT_SINCE = Duration.ofDays(7);

    private Params() {
    }

    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiProblem.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + " (default "
                + DEFAULT_LIMIT + "), not '" + text + "'.");
    }

    /**
     * An ISO-8601 instant, or an ISO-8601 duration back from now; blank gives now minus 7 days (or the retention,
     * if shorter). Nothing older than {@code retention} is kept, and each day back costs the store a Query per shard,
     * so a {@code since} further back is refused with the range that is valid.
     */
    static Instant since(String text, Clock clock, Duration retention) {
        Instant now = clock.instant();
        Instant oldest = now.minus(retention);
        if (text == null || text.isBlank()) {
            return now.minus(DEFAULT_SINCE.compareTo(retention) < 0 ? DEFAULT_SINCE : retention);
        }
        Instant since = parseSince(text, now);
        if (since.isBefore(oldest)) {
            throw ApiProblem.badRequest("since must be within the records' retention of " + days(retention)
                    + ": from " + oldest + " (P" + retention.toDays() + "D) to now (" + now + "), not '" + text
                    + "'; older records have expired.");
        }
        return since;
    }

    private static Instant parseSince(String text, Instant now) {
        try {
            if (text.startsWith("P") || text.startsWith("p")) {
                Duration back = Duration.parse(text);
                if (!back.isNegative() && !back.isZero()) {
                    return now.minus(back);
                }
            } else {
                return OffsetDateTime.parse(text).toInstant();
            }
        } catch (DateTimeException | ArithmeticException e) {
            // refused below
        }
        throw ApiProblem.badRequest("since must be an ISO-8601 instant like 2026-03-27T11:00:00Z or a positive "
                + "ISO-8601 duration back from now like PT24H or P7D, not '" + text + "'.");
    }

    private static String days(Duration retention) {
        return retention.toDays() == 1 ? "1 day" : retention.toDays() + " days";
    }

    static Instant instant(String name, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw ApiProblem.badRequest(name + " must be an ISO-8601 instant like 2026-03-27T19:00:00Z, not '"
                    + text + "'.");
        }
    }

    static <E extends Enum<E>> E choice(String name, String text, Class<E> type) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(name + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")) + ", not '" + text + "'.");
        }
    }

    static boolean given(String text) {
        return text != null && !text.isBlank();
    }
}

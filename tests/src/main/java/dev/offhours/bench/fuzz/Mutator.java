package dev.offhours.bench.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Mutates text the way careless and hostile authors do: characters and tokens that mean something to YAML, JSON,
 * Markdown, ISO-8601 or Base64 inserted or swapped in, spans deleted, doubled or spliced from another input, the
 * text cut short. Deterministic for a seed, so a crash can be replayed.
 */
final class Mutator {

    private static final List<String> TOKENS = List.of("\n", "\r\n", "\t", "\u0000", "\u2028", "\"", "'", "`", "```",
            "{", "}", "[", "]", ":", ": ", ",", "-", "#", "&a", "*a", "!tag", "|", ">", "%", "@", "\\", "/", "..", "~",
            "null", "true", "yes", "0", "-1", "99999999999999999999", "1e309", "NaN", "P36500D", "PT0S", "P-1D",
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-02-30", "24:00", "25:61", "Mon-Mon", "Etc/GMT+10",
            "US/Eastern", "\u00e9", "\ud83d\ude00", "\uffff", "\ud800", "<!--", "![x](y)", "=", "&", "?", "%00", "%ZZ",
            "=".repeat(3), "A".repeat(300), "{\"a\":".repeat(40), "[".repeat(200), "- ".repeat(50));

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** One to four mutations of {@code input}; {@code corpus} gives material to splice. */
    String mutate(String input, List<String> corpus) {
        String text = input;
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            text = once(text, corpus);
        }
        return text.length() > 200_000 ? text.substring(0, 200_000) : text;
    }

    private String once(String text, List<String> corpus) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        return switch (random.nextInt(8)) {
            case 0 -> text.substring(0, at) + token() + text.substring(at);
            case 1 -> text.isEmpty() ? token() : replaceSpan(text, at, token());
            case 2 -> text.isEmpty() ? text : text.substring(0, at) + text.substring(Math.min(text.length(),
                    at + 1 + random.nextInt(16)));
            case 3 -> text.substring(0, at) + span(text) + text.substring(at);
            case 4 -> text.substring(0, at);
            case 5 -> text.substring(0, at) + span(corpus.get(random.nextInt(corpus.size()))) + text.substring(at);
            case 6 -> flipChar(text, at);
            default -> text.substring(0, at) + (char) random.nextInt(0x3000) + text.substring(at);
        };
    }

    private String token() {
        return TOKENS.get(random.nextInt(TOKENS.size()));
    }

    private String replaceSpan(String text, int at, String with) {
        int end = Math.min(text.length(), at + 1 + random.nextInt(12));
        return text.substring(0, Math.min(at, text.length())) + with + text.substring(end);
    }

    private String span(String text) {
        if (text.isEmpty()) {
            return "";
        }
        int from = random.nextInt(text.length());
        return text.substring(from, Math.min(text.length(), from + 1 + random.nextInt(64)));
    }

    private String flipChar(String text, int at) {
        if (at >= text.length()) {
            return text;
        }
        return text.substring(0, at) + (char) (text.charAt(at) ^ (1 << random.nextInt(7))) + text.substring(at + 1);
    }
}

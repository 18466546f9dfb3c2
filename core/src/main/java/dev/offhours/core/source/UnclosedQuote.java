package dev.offhours.core.source;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the value whose quote is not closed on its line. YAML lets a quoted value run over several lines, so the
 * parser notices a forgotten closing quote only lines later, where its message ("expected <block end>, but found
 * '<scalar>'") means nothing to the person who forgot it; the line that opened the quote is what to report.
 */
final class UnclosedQuote {

    /** A value starting with a quote: after "key: " or "- ", the quote and what follows it on the line. */
    private static final Pattern QUOTED_VALUE =
            Pattern.compile("^(\\s*(?:-\\s+)?(?:[^\\s#\"'][^#\"']*?:\\s+)?)([\"'])(.*)$");

    private UnclosedQuote() {
    }

    /**
     * Where a quote opens that is not closed on its own line and runs on to the line of the syntax error
     * ({@code errorLine}, 0-based) or past it: a quoted value legitimately spread over lines, closed before the
     * error, is not the culprit.
     *
     * @return line and column, counted from 1
     */
    static Optional<int[]> before(String content, int errorLine) {
        String[] lines = content.split("\n", -1);
        for (int i = Math.min(errorLine, lines.length - 1); i >= 0; i--) {
            Matcher m = QUOTED_VALUE.matcher(lines[i]);
            int closing = m.matches() ? closingLine(lines, i, m.group(1).length(), m.group(2).charAt(0)) : i;
            if (closing > i && closing >= errorLine) {
                return Optional.of(new int[] {i + 1, m.group(1).length() + 1});
            }
        }
        return Optional.empty();
    }

    /** The line (0-based) of the quote that closes the one at {@code line}/{@code column}; MAX_VALUE if none. */
    private static int closingLine(String[] lines, int line, int column, char quote) {
        int from = column + 1;
        for (int l = line; l < lines.length; l++, from = 0) {
            String text = lines[l];
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote == '"' && c == '\\') {
                    i++;
                } else if (c == quote) {
                    if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        i++; // '' is a quote inside a single-quoted value
                    } else {
                        return l;
                    }
                }
            }
        }
        return Integer.MAX_VALUE;
    }
}

package dev.offhours.reconciler.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from the repository (file paths, field and calendar names, problem messages that quote them, revision labels)
 * inside the bot's Markdown comment. A pull request chooses that text, so it must never leave the code it is shown
 * in: control characters (newlines above all, which would start new blocks such as a fence or an image) become
 * visible escapes, and every code span or fence is longer than any run of backticks inside it.
 */
final class MarkdownText {

    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private MarkdownText() {
    }

    /** {@code text} as one inline code span. */
    static String code(String text) {
        String line = oneLine(text);
        String ticks = "`".repeat(longestBacktickRun(line) + 1);
        boolean pad = line.startsWith("`") || line.endsWith("`") || line.isEmpty();
        return pad ? ticks + " " + line + " " + ticks : ticks + line + ticks;
    }

    /** {@code lines} as a fenced code block, each one line, the fence longer than any backticks inside. */
    static String fence(List<String> lines) {
        List<String> safe = lines.stream().map(MarkdownText::oneLine).toList();
        int longest = safe.stream().mapToInt(MarkdownText::longestBacktickRun).max().orElse(0);
        String fence = "`".repeat(Math.max(3, longest + 1));
        StringBuilder block = new StringBuilder(fence).append('\n');
        safe.forEach(line -> block.append(line).append('\n'));
        return block.append(fence).toString();
    }

    /** Control and line-separator characters as visible escapes ({@code \n}, {@code \u2028}). */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static int longestBacktickRun(String text) {
        Matcher runs = BACKTICKS.matcher(text);
        int longest = 0;
        while (runs.find()) {
            longest = Math.max(longest, runs.end() - runs.start());
        }
        return longest;
    }
}

package dev.offhours.core.source;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** The small formats of the language: names, regions, account ids, dates. Patterns are compiled once. */
final class Syntax {

    static final String API_VERSION = "offhours.dev/v1";

    /** A DNS label: also a valid AWS tag value, so the opt-in tag can name it. */
    static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[1-9][0-9]?");
    static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    static final Pattern COUNT = Pattern.compile("0|[1-9][0-9]{0,4}|100000");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    static final String NAME_RULE = "use 1 to 63 lowercase letters, digits and '-', starting and ending with a"
            + " letter or digit";

    private Syntax() {
    }

    static Optional<String> name(Node node, String path, String example, FileProblems problems) {
        Optional<String> text = Values.text(node, path, "'" + example + "'", problems);
        if (text.isPresent() && !NAME.matcher(text.get()).matches()) {
            problems.at(node, path + " '" + text.get() + "' is not a valid name; " + NAME_RULE + ", e.g. '" + example
                    + "'");
            return Optional.empty();
        }
        return text;
    }

    static Optional<String> region(Node node, String path, FileProblems problems) {
        Optional<String> text = Values.text(node, path, "'eu-central-1'", problems);
        if (text.isPresent() && !REGION.matcher(text.get()).matches()) {
            problems.at(node, path + " '" + text.get() + "' is not an AWS region code; use a code like 'eu-central-1'"
                    + " or 'us-east-1'");
            return Optional.empty();
        }
        return text;
    }

    /** The longest inclusive date range {@link #dates} accepts: a year, leap day included. */
    static final int MAX_RANGE_DAYS = 366;
    private static final String RANGE = "..";

    /**
     * A date {@code 2026-12-24} or an inclusive range {@code 2026-12-24..2027-01-01} of at most
     * {@link #MAX_RANGE_DAYS} days, as the list of its days.
     */
    static Optional<List<LocalDate>> dates(Node node, String path, FileProblems problems) {
        Optional<String> text = Values.text(node, path, "'2026-12-24' or '2026-12-24..2027-01-01'", problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int dots = text.get().indexOf(RANGE);
        if (dots < 0) {
            return date(node, path, problems).map(List::of);
        }
        String firstText = text.get().substring(0, dots).strip();
        String lastText = text.get().substring(dots + RANGE.length()).strip();
        Optional<LocalDate> first = parseDate(firstText);
        Optional<LocalDate> last = parseDate(lastText);
        if (first.isEmpty() || last.isEmpty()) {
            problems.at(node, path + " '" + text.get() + "' is not a date range; use YYYY-MM-DD..YYYY-MM-DD, e.g."
                    + " '2026-12-24..2027-01-01'");
            return Optional.empty();
        }
        long days = last.get().toEpochDay() - first.get().toEpochDay() + 1;
        if (days < 1) {
            problems.at(node, path + " '" + text.get() + "' ends before it starts; write the earlier date first, e.g."
                    + " '" + last.get() + ".." + first.get() + "'");
            return Optional.empty();
        }
        if (days > MAX_RANGE_DAYS) {
            problems.at(node, path + " '" + text.get() + "' is " + days + " days long; a range may be at most "
                    + MAX_RANGE_DAYS + " days; split it into several ranges");
            return Optional.empty();
        }
        return Optional.of(first.get().datesUntil(last.get().plusDays(1)).toList());
    }

    private static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text, DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> date(Node node, String path, FileProblems problems) {
        Optional<String> text = Values.text(node, path, "'2026-12-24'", problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.get(), DATE));
        } catch (DateTimeParseException e) {
            problems.at(node, path + " '" + text.get() + "' is not a date; use YYYY-MM-DD, e.g. '2026-12-24'");
            return Optional.empty();
        }
    }
}

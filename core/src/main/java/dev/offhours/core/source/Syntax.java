package dev.offhours.core.source;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
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

package dev.offhours.core.source;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads scalar values from their raw text, never through YAML's type guessing: {@code 012345678901} keeps its
 * leading zero, {@code on} stays a word, {@code 07:30} stays a time.
 */
final class Values {

    private Values() {
    }

    static String shapeOf(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode scalar && isNull(scalar)) {
            return "an empty value";
        }
        return node instanceof ScalarNode scalar ? "the text '" + scalar.getValue() + "'" : "nothing";
    }

    static boolean isNull(ScalarNode scalar) {
        return Tag.NULL.equals(scalar.getTag()) && scalar.isPlain();
    }

    /** A non-empty text; {@code example} completes "use ..." in the message when it is missing or not text. */
    static Optional<String> text(Node node, String path, String example, FileProblems problems) {
        if (node instanceof ScalarNode scalar && !isNull(scalar) && !scalar.getValue().isBlank()) {
            return Optional.of(scalar.getValue().strip());
        }
        problems.at(node, path + " must be a non-empty text, not " + shapeOf(node) + "; use for example " + example);
        return Optional.empty();
    }

    /** Optional free text such as a description: an empty value is fine. */
    static Optional<String> freeText(Node node, String path, FileProblems problems) {
        if (node instanceof ScalarNode scalar) {
            return Optional.of(isNull(scalar) ? "" : scalar.getValue());
        }
        problems.at(node, path + " must be a text, not " + shapeOf(node));
        return Optional.empty();
    }

    /** The items of a list; an empty value counts as an empty list. */
    static Optional<List<Node>> list(Node node, String path, String example, FileProblems problems) {
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue());
        }
        if (node instanceof ScalarNode scalar && isNull(scalar)) {
            return Optional.of(List.of());
        }
        problems.at(node, path + " must be a list, not " + shapeOf(node) + "; write for example " + example);
        return Optional.empty();
    }

    static Optional<Boolean> bool(Node node, String path, FileProblems problems) {
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue().toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.equals("false")) {
                return Optional.of(value.equals("true"));
            }
        }
        problems.at(node, path + " must be true or false, not " + shapeOf(node));
        return Optional.empty();
    }

    /** A whole number from 0 to 100000. */
    static Optional<Integer> count(Node node, String path, FileProblems problems) {
        if (node instanceof ScalarNode scalar && Syntax.COUNT.matcher(scalar.getValue()).matches()) {
            return Optional.of(Integer.parseInt(scalar.getValue()));
        }
        problems.at(node, path + " must be a whole number from 0 to 100000, not " + shapeOf(node));
        return Optional.empty();
    }
}

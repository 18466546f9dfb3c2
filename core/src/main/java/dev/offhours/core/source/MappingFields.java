package dev.offhours.core.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The fields of one YAML mapping, checked against the fields its location allows: duplicate keys and unknown
 * fields are reported (with the nearest known field) when it is built.
 */
final class MappingFields {

    private final String path;
    private final Mark anchor;
    private final FileProblems problems;
    private final Map<String, Node> values = new HashMap<>();
    private final Map<String, Node> keys = new HashMap<>();
    /** Known fields that an unknown key probably meant; their absence is already reported with that key. */
    private final java.util.Set<String> misspelt = new java.util.HashSet<>();

    private MappingFields(String path, Mark anchor, FileProblems problems) {
        this.path = path;
        this.anchor = anchor;
        this.problems = problems;
    }

    /**
     * Reads {@code node} as a mapping located at {@code path}; {@code anchor} is where problems about missing
     * fields point (the key that holds this mapping). Empty when the node is not a mapping (reported).
     */
    static Optional<MappingFields> read(Node node, String path, Mark anchor, List<String> known,
            FileProblems problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, describe(path) + " must be a mapping of fields (key: value), not "
                    + Values.shapeOf(node) + "; valid fields: " + String.join(", ", known));
            return Optional.empty();
        }
        MappingFields fields = new MappingFields(path, anchor == null ? node.getStartMark() : anchor, problems);
        Map<String, Node> keys = fields.keys;
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problems.at(keyNode, "keys in " + describe(path) + " must be plain field names, not "
                        + Values.shapeOf(keyNode));
                continue;
            }
            String key = scalarKey.getValue();
            Node first = keys.putIfAbsent(key, keyNode);
            if (first != null) {
                problems.at(keyNode, "the field '" + key + "' appears twice in " + describe(path) + " (first at line "
                        + (first.getStartMark().getLine() + 1) + "); keep only one");
            } else if (!known.contains(key)) {
                Optional<String> meant = Suggestions.nearest(key, known);
                meant.ifPresent(fields.misspelt::add);
                problems.at(keyNode, "unknown field '" + key + "' in " + describe(path) + ";"
                        + meant.map(m -> " did you mean '" + m + "'?").orElse("") + " valid fields: "
                        + String.join(", ", known));
            } else {
                fields.values.put(key, tuple.getValueNode());
            }
        }
        return Optional.of(fields);
    }

    static String describe(String path) {
        return path.isEmpty() ? "the top level" : path;
    }

    String path() {
        return path;
    }

    String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    Optional<Node> optional(String field) {
        return Optional.ofNullable(values.get(field));
    }

    /** The field's value node; a missing field is reported with {@code example}, a line that would be valid. */
    Optional<Node> required(String field, String example) {
        Node node = values.get(field);
        if (node == null && !misspelt.contains(field)) {
            problems.at(anchor, describe(path) + " is missing the required field '" + field + "'; add for example '"
                    + example + "'");
        }
        return Optional.ofNullable(node);
    }

    /** Where the field's key stands, so that problems about a missing part of its value can point there. */
    Mark keyMark(String field) {
        Node key = keys.get(field);
        return key == null ? anchor : key.getStartMark();
    }
}

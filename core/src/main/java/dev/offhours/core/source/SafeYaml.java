package dev.offhours.core.source;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses one file into SnakeYAML's node graph (which keeps line and column of every node), safely: no tags beyond
 * YAML's standard ones, at most {@value #MAX_COLLECTION_ALIASES} aliases of lists or mappings (a "billion laughs"
 * file fails at once), at most {@value #MAX_CHARS} characters, nesting at most {@value #MAX_NESTING} deep, and one
 * document per file. Nothing is constructed into Java objects. Thread-safe: options and resolver are only read.
 */
final class SafeYaml {

    static final int MAX_CHARS = 256 * 1024;
    static final int MAX_COLLECTION_ALIASES = 10;
    static final int MAX_NESTING = 20;
    private static final Set<Tag> STANDARD_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP, Tag.MAP, Tag.SEQ, Tag.MERGE);

    private final LoaderOptions options = new LoaderOptions();
    private final Resolver resolver = new Resolver();

    SafeYaml() {
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true); // MappingFields reports duplicates with their location
        options.setCodePointLimit(MAX_CHARS);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setProcessComments(false);
    }

    /** The document's root node, or empty when there is none to read (every reason reported). */
    Optional<Node> parse(String content, FileProblems problems) {
        if (content.length() > MAX_CHARS) {
            problems.wholeFile("the file has " + content.length() + " characters; a file may have at most " + MAX_CHARS
                    + " (256 KiB), split it into smaller files");
            return Optional.empty();
        }
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(content), options), resolver, options);
            Node root = composer.checkNode() ? composer.getNode() : null;
            if (root == null) {
                problems.wholeFile("the file is empty; it must hold one YAML document starting with 'apiVersion: "
                        + Syntax.API_VERSION + "'");
                return Optional.empty();
            }
            if (composer.checkNode()) {
                problems.at(composer.getNode(), "the file holds more than one YAML document; keep one document per"
                        + " file and remove the '---' separator and what follows");
            }
            checkTags(root, problems);
            return Optional.of(root);
        } catch (MarkedYAMLException e) {
            Optional<int[]> quote = e.getProblemMark() == null ? Optional.empty()
                    : UnclosedQuote.before(content, e.getProblemMark().getLine());
            if (quote.isPresent()) {
                problems.atLine(quote.get()[0], quote.get()[1], "this quote is not closed: add the closing quote "
                        + "at the end of the value, e.g. from: \"07:30\"");
                return Optional.empty();
            }
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            problems.at(e.getProblemMark(), "YAML syntax error: " + e.getProblem() + context
                    + "; check the indentation and quote values that contain ': ' or start with a special character");
            return Optional.empty();
        } catch (YAMLException e) {
            problems.wholeFile(limitMessage(e));
            return Optional.empty();
        }
    }

    private static String limitMessage(YAMLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("aliases")) {
            return "the file uses more than " + MAX_COLLECTION_ALIASES + " aliases (*name) of lists or mappings;"
                    + " write the values out instead (alias expansion is limited so a file cannot exhaust memory)";
        }
        if (message.toLowerCase().contains("nesting depth")) {
            return "the file nests lists and mappings more than " + MAX_NESTING + " levels deep; offhours documents"
                    + " need at most 4";
        }
        if (message.contains("code points")) {
            return "the file is larger than " + MAX_CHARS + " characters (256 KiB); split it into smaller files";
        }
        return "the file cannot be read as YAML: " + message;
    }

    /** Reports tags other than YAML's standard ones; visits shared (aliased) nodes once. */
    private static void checkTags(Node root, FileProblems problems) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.ArrayDeque<Node> pending = new java.util.ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (!STANDARD_TAGS.contains(node.getTag())) {
                String tag = node.getTag().getValue().replace(Tag.PREFIX, "!!");
                problems.at(node, "the tag '" + tag + "' is not allowed; write plain values without tags");
            }
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    pending.push(tuple.getKeyNode());
                    pending.push(tuple.getValueNode());
                }
            } else if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(pending::push);
            }
        }
    }
}

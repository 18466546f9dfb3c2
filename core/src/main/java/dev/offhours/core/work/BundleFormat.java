package dev.offhours.core.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The bundle envelope of {@link WorkItemCodec}: {@code {"version":1,"items":[item, ...]}}. A message is a bundle when
 * its top-level object has an {@code items} field (a single work item never has one); what makes a bundle
 * well-formed is checked here, so that {@link WorkItemCodec#decode} can say what is wrong with one.
 */
final class BundleFormat {

    static final String ITEMS = "items";
    private static final String OPEN = "{\"version\":" + WorkItem.CURRENT_VERSION + ",\"" + ITEMS + "\":[";
    private static final String CLOSE = "]}";
    /** The bytes of the envelope around the items (ASCII, so characters are bytes). */
    static final int ENVELOPE_BYTES = OPEN.length() + CLOSE.length();

    private final ObjectMapper mapper;

    BundleFormat(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** See {@link WorkItemCodec#encodeBundle}; {@code encode} writes one item alone. */
    static String encode(List<WorkItem> items, Function<WorkItem, String> encode) {
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("a bundle needs at least one work item");
        }
        Set<String> accounts = new TreeSet<>();
        items.forEach(item -> accounts.add(item.target().account()));
        if (accounts.size() > 1) {
            throw new IllegalArgumentException("a bundle holds the work items of one account, but these name accounts "
                    + String.join(", ", accounts));
        }
        String account = accounts.iterator().next();
        if (items.size() > WorkItemCodec.MAX_BUNDLE_ITEMS) {
            throw new IllegalArgumentException("a bundle holds at most " + WorkItemCodec.MAX_BUNDLE_ITEMS
                    + " work items, but " + items.size() + " of account " + account + " were given");
        }
        String bundle = OPEN + items.stream().map(encode).collect(Collectors.joining(",")) + CLOSE;
        int bytes = bundle.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > WorkItemCodec.MAX_BUNDLE_BYTES) {
            throw new IllegalArgumentException("a bundle is at most " + WorkItemCodec.MAX_BUNDLE_BYTES
                    + " bytes, but these " + items.size() + " work items of account " + account + " take " + bytes);
        }
        return bundle;
    }

    static boolean isBundle(JsonNode root) {
        return root.isObject() && root.has(ITEMS);
    }

    /** Each item's JSON text when {@code body} is a well-formed bundle; empty otherwise (also when it is not JSON). */
    Optional<List<String>> items(String body) {
        if (body == null || body.isBlank() || body.length() > WorkItemCodec.MAX_MESSAGE_CHARS) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (root == null || !isBundle(root) || problem(root).isPresent()) {
            return Optional.empty();
        }
        List<String> bodies = new ArrayList<>();
        for (JsonNode item : root.get(ITEMS)) {
            try {
                bodies.add(mapper.writeValueAsString(item));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a work item as JSON", e);
            }
        }
        return Optional.of(List.copyOf(bodies));
    }

    /** Why {@code root} (a bundle) cannot be read, or empty when it is well-formed. */
    static Optional<String> problem(JsonNode root) {
        JsonNode version = root.get("version");
        if (version == null || version.isNull()) {
            return Optional.of("a bundle of work items needs field 'version' " + WorkItem.CURRENT_VERSION);
        }
        if (!version.isInt() || version.intValue() != WorkItem.CURRENT_VERSION) {
            return Optional.of("a bundle of work items has version " + version + "; this worker reads version "
                    + WorkItem.CURRENT_VERSION + " only");
        }
        JsonNode items = root.get(ITEMS);
        String expected = "'items' must be an array of 1 to " + WorkItemCodec.MAX_BUNDLE_ITEMS + " work item objects";
        if (!items.isArray()) {
            return Optional.of("a bundle of work items: " + expected + " but was "
                    + items.getNodeType().name().toLowerCase());
        }
        if (items.isEmpty() || items.size() > WorkItemCodec.MAX_BUNDLE_ITEMS) {
            return Optional.of("a bundle of work items: " + expected + " but holds " + items.size());
        }
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isObject()) {
                return Optional.of("a bundle of work items: " + expected + " but 'items[" + i + "]' is "
                        + items.get(i).getNodeType().name().toLowerCase());
            }
        }
        return Optional.empty();
    }
}

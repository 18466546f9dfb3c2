package dev.offhours.core.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.offhours.core.schedule.AsleepCapacity;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The JSON form of a {@link WorkItem} on the work queue:
 *
 * <pre>{"version":1,"schedule":"office-hours","transition":"2026-03-02T17:00:00Z","action":"SLEEP",
 *  "target":{"account":"111111111111","region":"eu-west-1","kind":"eks-nodegroup","cluster":"c1","name":"ng1"},
 *  "asleep":{"min":0,"desired":0},"revision":"main@sha1:abc","traceparent":"00-...-01"}</pre>
 *
 * A retried copy also carries {@code "attempt":2} and up; a message without it is a first attempt (so a first
 * attempt is written without it, and the format stays version 1: an older worker ignores the field). A RESIZE carries
 * {@code "action":"RESIZE","capacityPercent":30}; SLEEP and WAKE items are written exactly as before it existed.
 *
 * <p>A <b>bundle</b> carries several items of one account in one message, each exactly as {@link #encode} writes it
 * alone:
 *
 * <pre>{"version":1,"items":[{"version":1,"schedule":"office-hours",...,"target":{"account":"111111111111",...}},
 *  {"version":1,"schedule":"office-hours",...,"target":{"account":"111111111111",...}}]}</pre>
 *
 * so that one worker, and one set of assumed credentials, takes an account's share of a transition. A reader splits a
 * message with {@link #itemBodies} and handles each item on its own (records, retries, dead letters stay per item; a
 * retried copy is a single item again). A bundle holds at most {@link #MAX_BUNDLE_ITEMS} items and
 * {@link #MAX_BUNDLE_BYTES} bytes: far below the SQS message limit of 256 KiB, so that a bundle always fits a message
 * and at least two fit one SendMessageBatch request (256 KiB in all), and so that a message's items stay a modest
 * amount of work for the one worker that receives them. A single item stays at most 64 Ki characters. The field
 * {@code items} is the bundle's: a single item never has one. A worker that cannot split bundles would refuse them as
 * malformed, so workers learn to read bundles before a dispatcher sends any.
 *
 * <p>The tree is read by hand rather than bound, so that every rejection names the field and what would be valid.
 * Unknown fields are ignored (a newer dispatcher may add optional ones); incompatible changes bump
 * {@code version}, and an unknown version is rejected before anything else is read. Thread-safe.
 */
public final class WorkItemCodec {

    /** A single work item is a small object; one this long is not a work item. */
    private static final int MAX_BODY_CHARS = 64 * 1024;
    /** Items per bundle: about 45 KB of typical items, one account's share of a page of targets or less. */
    public static final int MAX_BUNDLE_ITEMS = 100;
    /** UTF-8 bytes per bundle, envelope included: fits an SQS message (256 KiB) with room, two per batch request. */
    public static final int MAX_BUNDLE_BYTES = 100 * 1024;
    /** The longest message this codec reads at all: SQS's message limit. */
    static final int MAX_MESSAGE_CHARS = 256 * 1024;
    private static final String ATTEMPT = "attempt";
    private static final String CAPACITY_PERCENT = "capacityPercent";
    /** A line the hub wants in the operation record, e.g. a quota warning of the wave; absent when none. */
    private static final String NOTICE = "notice";

    private final ObjectMapper mapper = new ObjectMapper();
    private final BundleFormat bundles = new BundleFormat(mapper);

    public String encode(WorkItem item) {
        ObjectNode root = mapper.createObjectNode();
        root.put("version", item.version());
        root.put("schedule", item.schedule());
        root.put("transition", item.transition().toString());
        root.put("action", item.action().name());
        ObjectNode target = root.putObject("target");
        target.put("account", item.target().account());
        target.put("region", item.target().region());
        target.put("kind", item.target().kind().wireName());
        if (item.target().cluster() != null) {
            target.put("cluster", item.target().cluster());
        }
        target.put("name", item.target().name());
        ObjectNode asleep = root.putObject("asleep");
        asleep.put("min", item.asleep().min());
        asleep.put("desired", item.asleep().desired());
        root.put("revision", item.revision());
        if (item.traceparent() != null) {
            root.put("traceparent", item.traceparent());
        }
        if (item.attempt() > 1) {
            root.put(ATTEMPT, item.attempt());
        }
        if (item.action() == Action.RESIZE) {
            root.put(CAPACITY_PERCENT, item.capacityPercent());
        }
        if (item.notice() != null) {
            root.put(NOTICE, item.notice());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a work item as JSON", e);
        }
    }

    /**
     * One message carrying several work items of one account ({@code {"version":1,"items":[item, item, ...]}}, each
     * item exactly as {@link #encode} writes it alone), so that one worker, and one set of assumed credentials, takes
     * an account's share of a transition.
     *
     * @throws IllegalArgumentException when {@code items} is empty, names more than one account, or is above
     *                                  {@link #MAX_BUNDLE_ITEMS} items or {@link #MAX_BUNDLE_BYTES} bytes
     */
    public String encodeBundle(List<WorkItem> items) {
        return BundleFormat.encode(items, this::encode);
    }

    /** The UTF-8 bytes of a bundle of items whose single bodies ({@link #encode}) take {@code itemBytes} in all. */
    public static int bundleBytes(int items, long itemBytes) {
        return (int) Math.min(Integer.MAX_VALUE, BundleFormat.ENVELOPE_BYTES + itemBytes + Math.max(0, items - 1));
    }

    /**
     * The body of each work item a message carries, in order: the items of a bundle, or the body itself when it is a
     * single item (also when it is malformed, a malformed bundle included: {@link #decode} then says what is wrong
     * with it, and the whole message is refused rather than a part of it acted on).
     */
    public List<String> itemBodies(String body) {
        return bundles.items(body).orElse(List.of(body));
    }

    /** @throws MalformedWorkItemException with a reason naming the offending field and what would be valid */
    public WorkItem decode(String body) {
        JsonNode root = parse(body);
        if (BundleFormat.isBundle(root)) {
            throw new MalformedWorkItemException("malformed work item: " + BundleFormat.problem(root).orElse(
                    "the message is a bundle of " + root.get(BundleFormat.ITEMS).size()
                            + " work items; each is read on its own (itemBodies)"));
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new MalformedWorkItemException("malformed work item: the message body has " + body.length()
                    + " characters; a work item is a small JSON object of at most " + MAX_BODY_CHARS);
        }
        int version = requireVersion(root);
        try {
            return new WorkItem(
                    version,
                    text(root, "schedule"),
                    instant(root, "transition"),
                    action(root),
                    target(object(root, "target")),
                    asleep(root.get("asleep")),
                    optionalText(root, "revision"),
                    optionalText(root, "traceparent"),
                    attempt(root),
                    capacityPercent(root),
                    optionalText(root, NOTICE));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedWorkItemException("malformed work item: " + e.getMessage(), e);
        }
    }

    /**
     * The body of the next attempt of the item in {@code body}: the same JSON with {@code attempt} one higher, every
     * other field kept as it is (also fields this version does not know).
     *
     * @throws MalformedWorkItemException when {@code body} is not a work item this codec reads
     */
    public String nextAttempt(String body) {
        WorkItem item = decode(body);
        ObjectNode root = (ObjectNode) parse(body);
        root.put(ATTEMPT, item.attempt() + 1);
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a work item as JSON", e);
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedWorkItemException("malformed work item: the message body is empty; expected a JSON object");
        }
        if (body.length() > MAX_MESSAGE_CHARS) {
            throw new MalformedWorkItemException("malformed work item: the message body has " + body.length()
                    + " characters; a message is at most " + MAX_MESSAGE_CHARS + " (a single work item at most "
                    + MAX_BODY_CHARS + ")");
        }
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || !root.isObject()) {
                throw new MalformedWorkItemException("malformed work item: expected a JSON object but got "
                        + (root == null ? "nothing" : root.getNodeType().name().toLowerCase()));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new MalformedWorkItemException("malformed work item: not valid JSON ("
                    + e.getOriginalMessage() + ")", e);
        }
    }

    private static int requireVersion(JsonNode root) {
        JsonNode node = root.get("version");
        if (node == null || node.isNull()) {
            throw new MalformedWorkItemException("malformed work item: field 'version' is missing; expected "
                    + WorkItem.CURRENT_VERSION);
        }
        if (!node.isInt()) {
            throw new MalformedWorkItemException("malformed work item: field 'version' must be the integer "
                    + WorkItem.CURRENT_VERSION + " but was " + node);
        }
        if (node.intValue() != WorkItem.CURRENT_VERSION) {
            throw new MalformedWorkItemException("unknown work item version " + node.intValue()
                    + "; this worker reads version " + WorkItem.CURRENT_VERSION + " only");
        }
        return node.intValue();
    }

    private static int attempt(JsonNode root) {
        JsonNode node = root.get(ATTEMPT);
        if (node == null || node.isNull()) {
            return 1;
        }
        if (!node.isInt() || node.intValue() < 1) {
            throw malformed("field '" + ATTEMPT + "' must be a whole number >= 1 but was " + node);
        }
        return node.intValue();
    }

    /** Only a RESIZE carries it; SLEEP and WAKE items, and every item written before RESIZE existed, have none. */
    private static int capacityPercent(JsonNode root) {
        JsonNode node = root.get(CAPACITY_PERCENT);
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isInt() || node.intValue() < 1 || node.intValue() > 99) {
            throw malformed("field '" + CAPACITY_PERCENT + "' must be a whole number from 1 to 99 but was " + node);
        }
        return node.intValue();
    }

    private static Target target(JsonNode node) {
        String kindText = text(node, "target.kind", "kind");
        TargetKind kind = TargetKind.fromWireName(kindText);
        return new Target(text(node, "target.account", "account"), text(node, "target.region", "region"), kind,
                optionalText(node, "cluster"), text(node, "target.name", "name"));
    }

    private static AsleepCapacity asleep(JsonNode node) {
        if (node == null || node.isNull()) {
            return AsleepCapacity.ZERO;
        }
        if (!node.isObject()) {
            throw malformed("field 'asleep' must be an object like {\"min\":0,\"desired\":0}");
        }
        int min = nonNegativeInt(node, "asleep.min", "min");
        int desired = nonNegativeInt(node, "asleep.desired", "desired");
        if (min > desired) {
            throw malformed("asleep.min (" + min + ") must not exceed asleep.desired (" + desired + ")");
        }
        return new AsleepCapacity(min, desired);
    }

    private static int nonNegativeInt(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isInt() || node.intValue() < 0) {
            throw malformed("field '" + path + "' must be a whole number >= 0 but was " + node);
        }
        return node.intValue();
    }

    private static Action action(JsonNode root) {
        String text = text(root, "action");
        try {
            return Action.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw malformed("field 'action' must be SLEEP, WAKE or RESIZE but was '" + text + "'");
        }
    }

    private static Instant instant(JsonNode root, String field) {
        String text = text(root, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                throw malformed("field '" + field + "' must be an ISO-8601 instant like 2026-03-02T17:00:00Z but was '"
                        + text + "'");
            }
        }
    }

    private static JsonNode object(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw malformed("field '" + field + "' is missing");
        }
        if (!node.isObject()) {
            throw malformed("field '" + field + "' must be an object");
        }
        return node;
    }

    private static String text(JsonNode parent, String field) {
        return text(parent, field, field);
    }

    private static String text(JsonNode parent, String path, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw malformed("field '" + path + "' is missing");
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw malformed("field '" + path + "' must be a non-empty string but was " + node);
        }
        return node.textValue();
    }

    private static String optionalText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw malformed("field '" + field + "' must be a string but was " + node);
        }
        return node.textValue();
    }

    private static MalformedWorkItemException malformed(String reason) {
        return new MalformedWorkItemException("malformed work item: " + reason);
    }
}

package dev.offhours.reconciler.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** The AWS-shaped events under src/test/resources/events, with their placeholders filled in. */
public final class EventFixtures {

    static final String EXTERNAL_ROLE = "Admin";
    static final String EXTERNAL_SESSION = "jane.doe";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> values = new HashMap<>();

    private EventFixtures(String account, String region) {
        values.put("account", account);
        values.put("region", region);
        values.put("role", EXTERNAL_ROLE);
        values.put("session", EXTERNAL_SESSION);
        values.put("asg", "web");
        values.put("cluster", "main");
        values.put("nodegroup", "workers");
        values.put("desired", "3");
    }

    public static EventFixtures of(String account, String region) {
        return new EventFixtures(account, region);
    }

    public EventFixtures with(String key, String value) {
        EventFixtures copy = new EventFixtures(values.get("account"), values.get("region"));
        copy.values.putAll(values);
        copy.values.put(key, value);
        return copy;
    }

    /** The whole envelope as EventBridge delivers it to SQS. */
    String envelope(String fixture, Instant time) {
        String text = read(fixture).replace("{{time}}", time.toString());
        if (!values.containsKey("activity")) {
            text = text.replace("{{activity}}", time.toString()); // the scaling activity an instance event names
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        if (text.contains("{{")) {
            throw new IllegalStateException("fixture " + fixture + " has a placeholder the test did not fill: " + text);
        }
        return text;
    }

    /** The PutEvents entry that makes EventBridge produce this envelope on {@code bus}. */
    public PutEventsRequestEntry entry(String fixture, Instant time, String bus) {
        try {
            JsonNode event = JSON.readTree(envelope(fixture, time));
            List<String> resources = new ArrayList<>();
            event.path("resources").forEach(resource -> resources.add(resource.asText()));
            return PutEventsRequestEntry.builder().eventBusName(bus).source(event.path("source").asText())
                    .detailType(event.path("detail-type").asText()).detail(JSON.writeValueAsString(event.path("detail")))
                    .resources(resources).time(time).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String fixture) {
        try (InputStream in = EventFixtures.class.getResourceAsStream("/events/" + fixture + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture events/" + fixture + ".json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

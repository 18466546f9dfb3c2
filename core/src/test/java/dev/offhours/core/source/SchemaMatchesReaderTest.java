package dev.offhours.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON Schemas editors use must know exactly the fields the reader accepts, with help text on each. */
class SchemaMatchesReaderTest {

    private static final Path SCHEMAS = Path.of("..", "schedules-repo-template", "schema");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Schedule, schedule.schema.json", "Calendar, calendar.schema.json",
        "AccountRegistry, accounts.schema.json"})
    void schemaPropertiesAreTheReadersKnownFields(String kind, String file) throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Files.readString(SCHEMAS.resolve(file)));

        for (Map.Entry<String, Set<String>> location : KnownFields.of(kind).entrySet()) {
            JsonNode object = at(schema, location.getKey());
            Set<String> properties = new TreeSet<>();
            object.get("properties").fieldNames().forEachRemaining(properties::add);

            assertThat(properties).as("properties at '%s' of %s", location.getKey(), file)
                    .isEqualTo(new TreeSet<>(location.getValue()));
            assertThat(object.get("additionalProperties").asBoolean(true)).as("closed at '%s'", location.getKey())
                    .isFalse();
            object.get("properties").fields().forEachRemaining(p -> assertThat(p.getValue().path("description")
                    .asText()).as("description of %s.%s in %s", location.getKey(), p.getKey(), file).isNotBlank());
        }
        assertThat(schema.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
    }

    /** The schema object at a location such as {@code spec.awake[]}. */
    private static JsonNode at(JsonNode schema, String location) {
        JsonNode node = schema;
        if (location.isEmpty()) {
            return node;
        }
        for (String part : location.split("\\.")) {
            boolean item = part.endsWith("[]");
            node = node.get("properties").get(item ? part.substring(0, part.length() - 2) : part);
            if (item) {
                node = node.get("items");
            }
        }
        return node;
    }
}

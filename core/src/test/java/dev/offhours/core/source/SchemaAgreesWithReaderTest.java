package dev.offhours.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.offhours.core.calendar.PublicHolidays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The repository's JSON Schemas, run by an independent validator (networknt) the way an editor runs them, refuse
 * every single-file mistake of the reader's own examples ({@link ProblemMessagesTest#cases()}) that JSON Schema can
 * express; the rest is listed here with the reason. Valid files pass, and the schemas' data-driven lists (time
 * zones, countries and their subdivisions) agree with the reader value by value.
 */
class SchemaAgreesWithReaderTest {

    private static final Path SCHEMAS = Path.of("..", "schedules-repo-template", "schema");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEDULE = schema("schedule.schema.json");
    private static final Schema CALENDAR = schema("calendar.schema.json");
    private static final Schema ACCOUNTS = schema("accounts.schema.json");

    /** Mistakes JSON Schema cannot see, by a phrase of the reader's message, and why. */
    private static final Map<String, String> NOT_EXPRESSIBLE = Map.ofEntries(
            Map.entry("appears twice", "a duplicate key is gone once YAML became JSON"),
            Map.entry("does not match the file name", "a schema does not know the file's name"),
            Map.entry("is named twice", "a regular expression cannot remember which days it saw"),
            Map.entry("is empty; for a whole day", "from and to would have to be compared"),
            Map.entry("overlaps", "periods would have to be compared"),
            Map.entry("ends before it starts", "two numbers or dates would have to be compared"),
            Map.entry("days long; a range may be at most", "two dates would have to be subtracted"),
            Map.entry("applies on no day at all", "the calendar would have to be searched"),
            Map.entry("is not before until", "two instants would have to be compared"),
            Map.entry("is greater than spec.asleep.desired", "draft-07 cannot compare two values"),
            Map.entry("names the unknown calendar", "another file"),
            Map.entry("names the group", "another file"),
            Map.entry("neither an alias nor an id", "another file"),
            Map.entry("is listed twice", "uniqueItems compares whole items, not one field of them"),
            Map.entry("YAML syntax error", "not YAML, so nothing to validate"),
            Map.entry("the tag '!secret'", "YAML tags do not exist in JSON"),
            Map.entry("more than one YAML document", "JSON holds one document"));

    static Stream<Arguments> expressible() {
        return ProblemMessagesTest.cases().filter(c -> NOT_EXPRESSIBLE.keySet().stream()
                .noneMatch(phrase -> ((String) c.get()[3]).contains(phrase)));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("expressible")
    void theSchemaRefusesWhatTheReaderRefuses(String path, String from, String to, String expected) {
        Map<String, String> files = Repos.with(path, from, to);

        assertThat(validate(path, files.get(path))).as("schema errors for: %s", expected).isNotEmpty();
    }

    @Test
    void theValidExamplesAndTheTemplatePass() throws IOException {
        Repos.valid().forEach((path, content) -> {
            if (path.endsWith(".yaml")) {
                assertThat(validate(path, content)).as(path).isEmpty();
            }
        });
        Path template = SCHEMAS.getParent();
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String path = template.relativize(file).toString().replace('\\', '/');
                assertThat(validate(path, Files.readString(file))).as(path).isEmpty();
            }
        }
    }

    @Test
    void theSchemaAcceptsExactlyTheTimeZonesTheReaderAccepts() {
        Set<String> accepted = Set.copyOf(TimeZones.accepted());
        for (String id : ZoneId.getAvailableZoneIds()) {
            String schedule = Repos.SCHEDULE.replace("Europe/Berlin", id);
            assertThat(validate(Repos.SCHEDULE_PATH, schedule).isEmpty()).as(id).isEqualTo(accepted.contains(id));
        }
    }

    @Test
    void theSchemaKnowsTheCountriesAndSubdivisionsOfTheHolidayLibrary() {
        PublicHolidays holidays = PublicHolidays.shared();
        for (String country : holidays.countries()) {
            assertThat(calendar(country, null)).as(country).isEmpty();
            assertThat(calendar(country.toUpperCase(), null)).as(country).isEmpty();
            for (String subdivision : holidays.subdivisions(country)) {
                assertThat(calendar(country, subdivision.toUpperCase())).as(country + "-" + subdivision).isEmpty();
            }
            assertThat(calendar(country, "zz9")).as(country + " with an unknown subdivision").isNotEmpty();
        }
        assertThat(calendar("xx", null)).isNotEmpty();
    }

    private static List<Error> calendar(String country, String subdivision) {
        String spec = "  country: \"" + country + "\"\n" + (subdivision == null ? "" : "  subdivision: \"" + subdivision
                + "\"\n");
        return validate(Repos.CALENDAR_PATH, Repos.CALENDAR.replace("  country: de\n  subdivision: by\n", spec));
    }

    private static List<Error> validate(String path, String yaml) {
        Schema schema = path.startsWith("calendars/") ? CALENDAR : path.startsWith("schedules/") ? SCHEDULE : ACCOUNTS;
        return schema.validate(json(yaml));
    }

    private static Schema schema(String file) {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(JSON.readTree(SCHEMAS.resolve(file).toFile()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // YAML as an editor's language server sees it (YAML 1.2 core schema: 'yes' is a string, '07:30' quoted or not
    // is a string), node by node, so a value's type is the one the schema judges.
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> BOOLEANS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");

    private static JsonNode json(String yaml) {
        Node root = new Composer(new ParserImpl(new StreamReader(yaml), new LoaderOptions()), new Resolver(),
                new LoaderOptions()).getSingleNode();
        return json(root);
    }

    private static JsonNode json(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode mapping) {
            ObjectNode object = f.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                object.set(((ScalarNode) tuple.getKeyNode()).getValue(), json(tuple.getValueNode()));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            return f.arrayNode().addAll(sequence.getValue().stream().map(SchemaAgreesWithReaderTest::json).toList());
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.getValue();
        if (!scalar.isPlain()) {
            return f.textNode(text);
        }
        if (NULLS.contains(text)) {
            return f.nullNode();
        }
        if (BOOLEANS.contains(text)) {
            return f.booleanNode(text.equalsIgnoreCase("true"));
        }
        if (INT.matcher(text).matches() && text.matches("[-+]?[0-9]+")) {
            return f.numberNode(Long.parseLong(text));
        }
        if (FLOAT.matcher(text).matches()) {
            return f.numberNode(Double.parseDouble(text));
        }
        return f.textNode(text);
    }
}

package dev.offhours.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes exactly the endpoints the JAX-RS interfaces declare: paths, methods, parameters. */
class OpenApiContractTest {

    static final List<Class<?>> INTERFACES = List.of(StatusApi.class, SavingsApi.class, SchedulesApi.class, TargetsApi.class,
            OperationsApi.class, OpenApiDocument.class);

    @Test
    void documentListsTheImplementedEndpointsWithTheirParameters() throws Exception {
        assertThat(documented()).isEqualTo(declared());
    }

    @Test
    void everyDocumentedOperationAnswers401WithoutATokenExceptTheDocumentItself() throws Exception {
        JsonNode paths = document().path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode get = path.getValue().path("get");
            boolean open = get.has("security") && get.path("security").isEmpty();
            assertThat(open || get.path("responses").has("401"))
                    .as("%s documents its 401", path.getKey()).isTrue();
            assertThat(open).as("%s is public", path.getKey()).isEqualTo(path.getKey().equals("/v1/openapi.yaml"));
        }
    }

    /** Each representation's schema lists exactly the record's fields, so a new field cannot go undocumented. */
    @Test
    void everySchemaListsTheFieldsOfItsRecord() throws Exception {
        Map<String, Class<? extends Record>> schemas = new TreeMap<>(Map.ofEntries(
                Map.entry("Status", StatusView.class), Map.entry("Condition", ConditionView.class),
                Map.entry("Schedule", ScheduleView.class), Map.entry("Transition", TransitionView.class),
                Map.entry("Interval", IntervalView.class), Map.entry("LastTransition", LastTransitionView.class),
                Map.entry("Convergence", ConvergenceView.class),
                Map.entry("FleetConvergence", FleetConvergenceView.class),
                Map.entry("RemovedSchedule", RemovedScheduleView.class), Map.entry("Target", TargetView.class),
                Map.entry("Capacity", CapacityView.class), Map.entry("Operation", OperationView.class),
                Map.entry("Account", AccountView.class), Map.entry("Orphan", OrphanView.class),
                Map.entry("UnknownSchedule", UnknownScheduleView.class),
                Map.entry("Error", ErrorView.class), Map.entry("Savings", SavingsView.class),
                Map.entry("SavingsLine", SavingsLineView.class), Map.entry("SavingsDay", SavingsDayView.class),
                Map.entry("QuotaCheck", QuotaCheckView.class), Map.entry("QuotaUse", QuotaCheckView.QuotaUseView.class)));
        JsonNode components = document().path("components").path("schemas");
        for (Map.Entry<String, Class<? extends Record>> schema : schemas.entrySet()) {
            TreeSet<String> fields = new TreeSet<>();
            for (var component : schema.getValue().getRecordComponents()) {
                fields.add(component.getName());
            }
            TreeSet<String> documented = new TreeSet<>();
            components.path(schema.getKey()).path("properties").fieldNames().forEachRemaining(documented::add);
            assertThat(documented).as("properties of schema %s", schema.getKey()).isEqualTo(fields);
        }
    }

    /** "GET /v1/x" to its parameters as "in:name". */
    private static Map<String, TreeSet<String>> declared() {
        Map<String, TreeSet<String>> endpoints = new TreeMap<>();
        for (Class<?> api : INTERFACES) {
            String base = api.getAnnotation(Path.class).value();
            for (Method method : api.getMethods()) {
                if (!method.isAnnotationPresent(GET.class)) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = sub == null ? base : base + "/" + sub.value();
                TreeSet<String> params = new TreeSet<>();
                for (Parameter parameter : method.getParameters()) {
                    for (Annotation a : parameter.getAnnotations()) {
                        if (a instanceof QueryParam q) {
                            params.add("query:" + q.value());
                        } else if (a instanceof PathParam p) {
                            params.add("path:" + p.value());
                        }
                    }
                }
                endpoints.put("GET " + path.replace("//", "/"), params);
            }
        }
        return endpoints;
    }

    private static Map<String, TreeSet<String>> documented() throws Exception {
        Map<String, TreeSet<String>> endpoints = new TreeMap<>();
        JsonNode paths = document().path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                TreeSet<String> params = new TreeSet<>();
                op.getValue().path("parameters").forEach(p -> params.add(p.path("in").asText() + ":" + p.path("name").asText()));
                endpoints.put(op.getKey().toUpperCase() + " " + path.getKey(), params);
            }
        }
        return endpoints;
    }

    private static JsonNode document() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(OpenApiDocument.text());
    }
}

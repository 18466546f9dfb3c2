package dev.offhours.pulumi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM, SQS and EventBridge policy documents as JSON, written from plain maps so that every policy of the stacks
 * has one shape (and the tests can parse it back).
 */
public final class PolicyJson {

    public static final String VERSION = "2012-10-17";
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);

    private PolicyJson() {
    }

    /** A statement that allows {@code actions} on {@code resources} (no principal: an identity policy). */
    public static Map<String, Object> allow(String sid, List<String> actions, List<String> resources) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", actions);
        statement.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
        return statement;
    }

    /** A statement that denies {@code actions} on {@code resources}; with a condition, it narrows what allows grant. */
    public static Map<String, Object> deny(String sid, List<String> actions, List<String> resources) {
        Map<String, Object> statement = allow(sid, actions, resources);
        statement.put("Effect", "Deny");
        return statement;
    }

    /** The same statement with a condition block, e.g. {@code {"Null": {"aws:ResourceTag/x": "false"}}}. */
    public static Map<String, Object> withCondition(Map<String, Object> statement, Map<String, Object> condition) {
        Map<String, Object> copy = new LinkedHashMap<>(statement);
        copy.put("Condition", condition);
        return copy;
    }

    /** The same statement granted to a principal, e.g. {@code {"Service": "events.amazonaws.com"}}. */
    public static Map<String, Object> withPrincipal(Map<String, Object> statement, Object principal) {
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("Sid", statement.get("Sid"));
        copy.put("Effect", statement.get("Effect"));
        copy.put("Principal", principal);
        statement.forEach((key, value) -> {
            if (!copy.containsKey(key)) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    /** A trust policy statement: {@code principal} may call {@code sts:AssumeRole}. */
    public static Map<String, Object> trust(String sid, Map<String, Object> principal) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Principal", principal);
        statement.put("Action", "sts:AssumeRole");
        return statement;
    }

    public static String document(List<Map<String, Object>> statements) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", VERSION);
        document.put("Statement", statements);
        return json(document);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy document could not be written as JSON", e);
        }
    }
}

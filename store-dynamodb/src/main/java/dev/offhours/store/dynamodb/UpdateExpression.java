package dev.offhours.store.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds an UpdateItem's {@code SET ... REMOVE ...} with a placeholder for every attribute name and value, since many
 * of ours are reserved words (name, state, source, status, version...). Conditions add their names and values here
 * too, so one request carries one consistent set of placeholders.
 */
final class UpdateExpression {

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();

    /** SET for a value, REMOVE for null. */
    UpdateExpression setOrRemove(String attribute, AttributeValue value) {
        if (value == null) {
            removes.add(name(attribute));
        } else {
            sets.add(name(attribute) + " = " + value(value));
        }
        return this;
    }

    UpdateExpression setAll(Map<String, AttributeValue> attributes) {
        attributes.forEach(this::setOrRemove);
        return this;
    }

    /** The placeholder of an attribute name, e.g. {@code #a3}. */
    String name(String attribute) {
        return names.entrySet().stream().filter(e -> e.getValue().equals(attribute)).map(Map.Entry::getKey).findFirst()
                .orElseGet(() -> {
                    String placeholder = "#a" + names.size();
                    names.put(placeholder, attribute);
                    return placeholder;
                });
    }

    /** A fresh placeholder for a value, e.g. {@code :v3}. */
    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    String expression() {
        StringBuilder text = new StringBuilder();
        if (!sets.isEmpty()) {
            text.append("SET ").append(String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            text.append(text.length() > 0 ? " " : "").append("REMOVE ").append(String.join(", ", removes));
        }
        return text.toString();
    }

    Map<String, String> names() {
        return names;
    }

    /** The values, or null when there are none (DynamoDB refuses an empty map). */
    Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }
}

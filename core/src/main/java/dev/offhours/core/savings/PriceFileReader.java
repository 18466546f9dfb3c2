package dev.offhours.core.savings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a price file: {@code {"priceDate": "2026-11-01", "currency": "USD", "assumedInstanceType": "m5.large",
 * "regions": {"eu-west-1": {"m5.large": 0.107, ...}, ...}}}. A problem names the file and the field.
 */
public final class PriceFileReader {

    private PriceFileReader() {
    }

    public static PriceTable read(InputStream in, String name) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(name + ": must be a JSON object with priceDate, currency, "
                    + "assumedInstanceType and regions");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text(root, "priceDate", name));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": priceDate must be a date such as 2026-11-01", e);
        }
        Map<String, Map<String, Double>> regions = new LinkedHashMap<>();
        JsonNode regionsNode = root.path("regions");
        if (!regionsNode.isObject() || regionsNode.isEmpty()) {
            throw new IllegalArgumentException(name + ": regions must map region names to prices per instance type");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = regionsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> region = it.next();
            Map<String, Double> prices = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> types = region.getValue().fields(); types.hasNext(); ) {
                Map.Entry<String, JsonNode> type = types.next();
                if (!type.getValue().isNumber() || type.getValue().asDouble() < 0) {
                    throw new IllegalArgumentException(name + ": regions." + region.getKey() + "." + type.getKey()
                            + " must be an hourly price of 0 or more, not " + type.getValue());
                }
                prices.put(type.getKey(), type.getValue().asDouble());
            }
            regions.put(region.getKey(), prices);
        }
        return new PriceTable(date, text(root, "currency", name), text(root, "assumedInstanceType", name), regions);
    }

    private static String text(JsonNode root, String field, String name) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(name + ": " + field + " is missing or not a text");
        }
        return value.asText();
    }
}

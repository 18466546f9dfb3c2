package dev.offhours.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of one storm run by one implementation, in print order. */
record StormFigures(String storm, String implementation, Map<String, String> values) {

    static Builder builder(String storm, String implementation) {
        return new Builder(storm, implementation);
    }

    static final class Builder {
        private final String storm;
        private final String implementation;
        private final Map<String, String> values = new LinkedHashMap<>();

        private Builder(String storm, String implementation) {
            this.storm = storm;
            this.implementation = implementation;
        }

        Builder put(String name, double value) {
            values.put(name, String.format(java.util.Locale.ROOT, "%.3f", value));
            return this;
        }

        Builder put(String name, long value) {
            values.put(name, Long.toString(value));
            return this;
        }

        /** Appends another builder's figures (a mode's own, after the common ones). */
        Builder putAll(Builder other) {
            values.putAll(other.values);
            return this;
        }

        StormFigures build() {
            return new StormFigures(storm, implementation, values);
        }
    }
}

package dev.offhours.core.source;

import dev.offhours.core.schedule.AsleepCapacity;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code spec.asleep}: whole numbers, each 0 when absent, and min not above desired. */
final class AsleepReader {

    private AsleepReader() {
    }

    static Optional<AsleepCapacity> read(Node node, FileProblems problems) {
        Optional<MappingFields> fields = MappingFields.read(node, "spec.asleep", null, KnownFields.ASLEEP, problems);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        MappingFields f = fields.get();
        Optional<Node> minNode = f.optional("min");
        Optional<Integer> min = minNode.isPresent() ? Values.count(minNode.get(), "spec.asleep.min", problems)
                : Optional.of(0);
        Optional<Integer> desired = f.optional("desired").isPresent()
                ? Values.count(f.optional("desired").get(), "spec.asleep.desired", problems)
                : Optional.of(0);
        if (min.isEmpty() || desired.isEmpty()) {
            return Optional.empty();
        }
        if (min.get() > desired.get()) {
            problems.at(minNode.get(), "spec.asleep.min (" + min.get() + ") is greater than spec.asleep.desired ("
                    + desired.get() + "); min must be at most desired");
            return Optional.empty();
        }
        return Optional.of(new AsleepCapacity(min.get(), desired.get()));
    }
}

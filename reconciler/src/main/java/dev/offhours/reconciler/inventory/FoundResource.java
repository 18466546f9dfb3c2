package dev.offhours.reconciler.inventory;

import dev.offhours.core.capacity.Capacity;
import dev.offhours.core.work.Target;
import java.util.Map;
import java.util.Objects;

/** One spoke resource as its API listed it: where it is, its tags and its current capacity. */
public record FoundResource(Target target, Map<String, String> tags, Capacity current) {

    public FoundResource {
        Objects.requireNonNull(target, "target");
        tags = Map.copyOf(tags);
        Objects.requireNonNull(current, "current capacity");
    }
}

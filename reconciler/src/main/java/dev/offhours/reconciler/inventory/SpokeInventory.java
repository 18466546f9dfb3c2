package dev.offhours.reconciler.inventory;

import dev.offhours.core.work.Target;
import java.util.List;
import java.util.Optional;

/**
 * What one complete listing of an account and region found.
 *
 * @param optedIn      resources whose opt-in tag names a schedule
 * @param withoutOptIn resources seen without a usable opt-in tag: every untagged node group (EKS cannot filter by
 *                     tag), but only ASGs whose tag is present and empty (AWS filters the ASG listing by tag key)
 */
public record SpokeInventory(List<FoundResource> optedIn, List<FoundResource> withoutOptIn) {

    public SpokeInventory {
        optedIn = List.copyOf(optedIn);
        withoutOptIn = List.copyOf(withoutOptIn);
    }

    public Optional<FoundResource> withoutOptIn(Target target) {
        return withoutOptIn.stream().filter(resource -> resource.target().equals(target)).findFirst();
    }
}

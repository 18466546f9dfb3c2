package dev.offhours.pulumi;

import com.pulumi.core.Alias;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * Resource options for the resources a component declares: each is the component's child (so {@code pulumi preview}
 * shows it under the component, and the component's own options such as providers flow down to it). Each also
 * carries the alias of its former place at the top of the stack, where the programs declared it before the
 * components existed: a stack deployed then moves its resources under the component instead of replacing them
 * (the tables, with deletion protection, could not be replaced).
 */
public final class Children {

    private Children() {
    }

    public static CustomResourceOptions of(Resource parent) {
        return CustomResourceOptions.builder().parent(parent).aliases(Alias.noParent()).build();
    }

    /** A child created only after {@code dependencies} (a runtime must wait for its role's policy). */
    public static CustomResourceOptions after(Resource parent, Resource... dependencies) {
        return CustomResourceOptions.builder().parent(parent).aliases(Alias.noParent())
                .dependsOn(List.of(dependencies)).build();
    }

    /** A child created through an explicit provider (another account or region). */
    public static CustomResourceOptions through(Resource parent, ProviderResource provider) {
        return CustomResourceOptions.builder().parent(parent).aliases(Alias.noParent()).provider(provider).build();
    }

    /** A child whose {@code properties} something else changes after creation (Pulumi leaves them alone). */
    public static CustomResourceOptions ignoring(Resource parent, String... properties) {
        return CustomResourceOptions.builder().parent(parent).aliases(Alias.noParent())
                .ignoreChanges(List.of(properties)).build();
    }
}

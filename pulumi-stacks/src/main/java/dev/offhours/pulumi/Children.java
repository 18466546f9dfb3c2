package dev.offhours.pulumi;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * Resource options for the resources a component declares: each is the component's child (so {@code pulumi preview}
 * shows it under the component, and the component's own options such as providers flow down to it).
 */
public final class Children {

    private Children() {
    }

    public static CustomResourceOptions of(Resource parent) {
        return CustomResourceOptions.builder().parent(parent).build();
    }

    /** A child created only after {@code dependencies} (a runtime must wait for its role's policy). */
    public static CustomResourceOptions after(Resource parent, Resource... dependencies) {
        return CustomResourceOptions.builder().parent(parent).dependsOn(List.of(dependencies)).build();
    }

    /** A child created through an explicit provider (another account or region). */
    public static CustomResourceOptions through(Resource parent, ProviderResource provider) {
        return CustomResourceOptions.builder().parent(parent).provider(provider).build();
    }
}

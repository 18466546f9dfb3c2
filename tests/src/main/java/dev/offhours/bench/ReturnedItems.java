package dev.offhours.bench;

import dev.offhours.api.OperationView;
import dev.offhours.api.PageView;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

import java.util.concurrent.atomic.LongAdder;

/** Counts the operation records the API returns in its pages. */
final class ReturnedItems implements ContainerResponseFilter {

    private final LongAdder operations = new LongAdder();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof PageView<?> page && !page.items().isEmpty()
                && page.items().get(0) instanceof OperationView) {
            operations.add(page.items().size());
        }
    }

    long operations() {
        return operations.sum();
    }

    void reset() {
        operations.reset();
    }
}

package dev.offhours.reconciler.converge;

import dev.offhours.core.port.OperationStore;
import dev.offhours.reconciler.store.embedded.EmbeddedHubStore;
import dev.offhours.worker.SpokeWorker;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Pipelines;
import java.time.Clock;

/** The worker as the service wires it, over the embedded store (records, inventory, intent marks). */
final class Workers {

    private Workers() {
    }

    static SpokeWorker spokeWorker(SpokeClients clients, Pipelines pipelines, EmbeddedHubStore store, Clock clock) {
        return spokeWorker(clients, pipelines, store.operations(), store, clock);
    }

    /** @param operations the store's operations, or a decorator of them */
    static SpokeWorker spokeWorker(SpokeClients clients, Pipelines pipelines, OperationStore operations,
                                   EmbeddedHubStore store, Clock clock) {
        return new SpokeWorker(clients, pipelines, operations, store.inventory(), store.inventory(), clock,
                SpokeWorker.Settings.defaults());
    }
}

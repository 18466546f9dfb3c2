package dev.offhours.reconciler.converge;

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
        return new SpokeWorker(clients, pipelines, store.operations(), store.inventory(), store.inventory(), clock,
                SpokeWorker.Settings.defaults());
    }
}

package dev.offhours.reconciler.service;

import dev.offhours.reconciler.dispatch.CurrentRevision;
import dev.offhours.reconciler.converge.ConvergenceLoop;
import dev.offhours.reconciler.inventory.DiscoveryScheduler;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.runtime.SqsWorkerPool;
import java.util.Optional;

/**
 * The running hub's parts, as {@link HubWiring} connected them; the demo and the end-to-end tests look through it.
 *
 * @param pool      empty when the workers are disabled (a Lambda function consumes the queue)
 * @param discovery empty when discovery is disabled
 */
public record Hub(HubStores stores, ReconcileLoop reconcileLoop, ConvergenceLoop registry,
                  CurrentRevision revision, Optional<SqsWorkerPool> pool,
                  Optional<DiscoveryScheduler> discovery, RoleCredentialsCache credentials, String owner) {
}

package dev.offhours.worker;

import dev.offhours.core.port.AwakeCapacityStore;
import dev.offhours.core.port.IntentLedger;
import dev.offhours.core.port.InventoryStore;
import dev.offhours.core.port.OperationStore;
import dev.offhours.worker.credentials.RoleCredentialsCache;
import dev.offhours.worker.credentials.SpokeClients;
import dev.offhours.worker.resilience.Pipelines;
import dev.offhours.worker.resilience.ResilienceSettings;
import dev.offhours.worker.tracing.TracedWorkItemHandler;
import dev.offhours.worker.tracing.Tracing;
import java.time.Clock;
import software.amazon.awssdk.services.sts.StsAsyncClient;

/**
 * The spoke worker and what it stands on, put together in one place for both of its homes: the service's SQS pool
 * and the Lambda function. Whatever differs between them comes in as an argument (where STS and the spokes are, the
 * stores, the worker's settings); everything else is decided here once, so the two cannot drift: the role session
 * name the spokes' CloudTrail shows (which the event-driven inventory reads to tell offhours' own changes apart),
 * the resilience pipelines, and how the stores are used.
 *
 * @param roles       how spoke roles are assumed (role name, ExternalId, session name and duration)
 * @param resilience  the sizes of the pipelines every spoke call goes through
 * @param settings    the worker's own settings
 * @param credentials the assumed-role credentials, shared with everything else that calls spokes (discovery)
 * @param spokes      the spoke SDK clients; the caller closes them
 * @param pipelines   rate limiters, retries and breakers, shared with everything else that calls spokes
 * @param worker      the work-item handler
 * @param handler     what the runtimes call: the worker, in a span per item when tracing is on
 */
public record WorkerAssembly(RoleCredentialsCache.Settings roles, ResilienceSettings resilience,
                             SpokeWorker.Settings settings, RoleCredentialsCache credentials, SpokeClients spokes,
                             Pipelines pipelines, SpokeWorker worker, WorkItemHandler handler) {

    /**
     * Where the worker keeps what it learns: operation records, saved awake capacities and the intent marks that
     * order the work on each target (the hub's inventory holds both of the latter).
     */
    public record Stores(OperationStore operations, AwakeCapacityStore awakeCapacities, IntentLedger ledger) {

        public static Stores of(OperationStore operations, InventoryStore inventory) {
            return new Stores(operations, inventory, inventory);
        }
    }

    /**
     * @param sts    the hub's STS client, which assumes the spoke roles; the SDK's retries switched off (see
     *               {@link Pipelines})
     * @param spokes where the spokes' SDK clients come from: AWS, an emulator or the simulated fleet
     */
    public static WorkerAssembly assemble(StsAsyncClient sts, SpokeClientFactory spokes, String spokeRoleName,
                                          String externalId, Stores stores, SpokeWorker.Settings settings,
                                          Clock clock) {
        return assemble(sts, spokes, spokeRoleName, externalId, stores, settings, clock, Tracing.OFF);
    }

    /**
     * @param tracing when on, each item runs in a span continued from its {@code traceparent}, and the records it
     *                saves describe that span (outcome, error); when off, nothing is wrapped
     */
    public static WorkerAssembly assemble(StsAsyncClient sts, SpokeClientFactory spokes, String spokeRoleName,
                                          String externalId, Stores stores, SpokeWorker.Settings settings,
                                          Clock clock, Tracing tracing) {
        return assemble(sts, spokes, spokeRoleName, externalId, stores, settings, ResilienceSettings.defaults(), clock,
                tracing);
    }

    /**
     * @param resilience the pipelines' sizes: AWS's defaults, or a share of them when several processes work at once
     *                   ({@link ResilienceSettings#sharedBy}: the Lambda function's environments)
     */
    public static WorkerAssembly assemble(StsAsyncClient sts, SpokeClientFactory spokes, String spokeRoleName,
                                          String externalId, Stores stores, SpokeWorker.Settings settings,
                                          ResilienceSettings resilience, Clock clock, Tracing tracing) {
        RoleCredentialsCache.Settings roles = RoleCredentialsCache.Settings.of(spokeRoleName, externalId);
        Pipelines pipelines = new Pipelines(resilience);
        RoleCredentialsCache credentials = new RoleCredentialsCache(sts, roles, clock, pipelines.stsGuard());
        SpokeClients clients = new SpokeClients(spokes, credentials);
        SpokeWorker worker = new SpokeWorker(clients, pipelines, tracing.operations(stores.operations()),
                stores.awakeCapacities(), stores.ledger(), clock, settings);
        return new WorkerAssembly(roles, resilience, settings, credentials, clients, pipelines, worker,
                tracing.enabled() ? new TracedWorkItemHandler(worker, tracing) : worker);
    }
}

package dev.offhours.reconciler.service;

import dev.offhours.reconciler.config.AwsConfig;
import dev.offhours.reconciler.config.WorkersConfig;
import dev.offhours.reconciler.quota.AwsQuotaClients;
import dev.offhours.reconciler.quota.QuotaClientFactory;
import dev.offhours.worker.SpokeClientFactory;
import dev.offhours.worker.aws.AwsSpokeClientFactory;
import java.util.List;
import software.amazon.awssdk.services.sts.StsAsyncClient;

/**
 * How the hub reaches spoke accounts: the hub's STS client (AssumeRole of the spoke role) and the factory of spoke
 * SDK clients. Real AWS (or moto) in the service; the simulated fleet in {@code demo}.
 *
 * @param quota the clients of the vCPU quota pre-flight (EC2, Service Quotas, CloudWatch), null where none exist
 * @param close releases what this access holds (HTTP connection pools)
 */
public record SpokeAccess(StsAsyncClient sts, SpokeClientFactory clients, QuotaClientFactory quota, AutoCloseable close) {

    /** Without the quota pre-flight's clients. */
    public SpokeAccess(StsAsyncClient sts, SpokeClientFactory clients, AutoCloseable close) {
        this(sts, clients, null, close);
    }

    /**
     * Spoke connections beyond one per work item in flight (each has at most one spoke call out at a time): the
     * describes of discovery, the event updater and the quota pre-flight, which share the same clients.
     */
    static final int CONNECTIONS_BESIDE_THE_WORKER = 100;

    /**
     * AWS endpoints, or the configured endpoint override (moto), with the hub's own credentials for STS; sized for
     * the {@code workers:} section's concurrency.
     */
    public static SpokeAccess aws(AwsConfig aws, WorkersConfig workers) {
        AwsSpokeClientFactory factory = new AwsSpokeClientFactory(aws.endpointOverride().orElse(null), List.of(),
                workers.concurrency() + CONNECTIONS_BESIDE_THE_WORKER);
        StsAsyncClient sts = factory.stsAsync(aws.credentials(), aws.hubRegion());
        AwsQuotaClients quota = new AwsQuotaClients(aws.endpointOverride().orElse(null));
        return new SpokeAccess(sts, factory, quota, () -> {
            sts.close();
            factory.close();
            quota.close();
        });
    }
}

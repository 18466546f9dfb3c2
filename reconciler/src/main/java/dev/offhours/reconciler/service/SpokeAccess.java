package dev.offhours.reconciler.service;

import dev.offhours.reconciler.config.AwsConfig;
import dev.offhours.worker.SpokeClientFactory;
import dev.offhours.worker.aws.AwsSpokeClientFactory;
import java.util.List;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * How the hub reaches spoke accounts: the hub's STS client (AssumeRole of the spoke role) and the factory of spoke
 * SDK clients. Real AWS (or moto) in the service; the simulated fleet in {@code demo}.
 *
 * @param close releases what this access holds (HTTP connection pools)
 */
public record SpokeAccess(StsClient sts, SpokeClientFactory clients, AutoCloseable close) {

    /** AWS endpoints, or the configured endpoint override (moto), with the hub's own credentials for STS. */
    public static SpokeAccess aws(AwsConfig aws, int maxConnections) {
        AwsSpokeClientFactory factory = new AwsSpokeClientFactory(aws.endpointOverride().orElse(null), List.of(),
                maxConnections);
        StsClient sts = factory.sts(aws.credentials(), aws.hubRegion());
        return new SpokeAccess(sts, factory, () -> {
            sts.close();
            factory.close();
        });
    }
}

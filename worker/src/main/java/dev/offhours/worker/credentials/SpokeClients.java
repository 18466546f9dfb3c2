package dev.offhours.worker.credentials;

import dev.offhours.worker.SpokeClientFactory;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.eks.EksAsyncClient;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * SDK clients of the spoke accounts, built once per (account, region) with the account's live role credentials,
 * so connection pools and endpoint resolution are reused across work items: asynchronous ones for the worker,
 * synchronous ones for discovery and the quota pre-flight.
 */
public final class SpokeClients implements AutoCloseable {

    private record Key(String account, String region) {
    }

    private final SpokeClientFactory factory;
    private final RoleCredentialsCache credentials;
    private final ConcurrentMap<Key, AutoScalingClient> autoScaling = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, EksClient> eks = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, AutoScalingAsyncClient> autoScalingAsync = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, EksAsyncClient> eksAsync = new ConcurrentHashMap<>();

    public SpokeClients(SpokeClientFactory factory, RoleCredentialsCache credentials) {
        this.factory = factory;
        this.credentials = credentials;
    }

    public AutoScalingClient autoScaling(String account, String region) {
        return autoScaling.computeIfAbsent(new Key(account, region),
                key -> factory.autoScaling(credentials.provider(account), region));
    }

    public EksClient eks(String account, String region) {
        return eks.computeIfAbsent(new Key(account, region), key -> factory.eks(credentials.provider(account), region));
    }

    public AutoScalingAsyncClient autoScalingAsync(String account, String region) {
        return autoScalingAsync.computeIfAbsent(new Key(account, region),
                key -> factory.autoScalingAsync(credentials.provider(account), region));
    }

    public EksAsyncClient eksAsync(String account, String region) {
        return eksAsync.computeIfAbsent(new Key(account, region),
                key -> factory.eksAsync(credentials.provider(account), region));
    }

    public RoleCredentialsCache credentials() {
        return credentials;
    }

    @Override
    public void close() {
        autoScaling.values().forEach(SdkClient::close);
        eks.values().forEach(SdkClient::close);
        autoScalingAsync.values().forEach(SdkClient::close);
        eksAsync.values().forEach(SdkClient::close);
    }
}

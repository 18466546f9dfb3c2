package dev.offhours.simulator;

import dev.offhours.core.quota.LaunchShape;
import dev.offhours.core.quota.Purchase;
import dev.offhours.core.quota.QuotaClass;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * EC2 vCPU quotas (Service Quotas, service {@code ec2}) and the vCPUs running beside the fleet's own groups, per
 * account and region. Usage, as {@code AWS/Usage} reports it, is what runs: every group's and node group's desired
 * instances times the vCPUs of its largest type, by class and purchase option, plus what a test adds.
 */
final class QuotaState {

    /** Quota values of an account that asked for nothing: generous for Standard, small for accelerated classes. */
    static final double DEFAULT_STANDARD = 2048;
    static final double DEFAULT_OTHER = 128;

    private record Key(String account, String region, String name) {
    }

    private final ConcurrentMap<Key, Double> quotas = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Double> otherUsage = new ConcurrentHashMap<>();

    void setQuota(String account, String region, String code, double value) {
        quotas.put(new Key(account, region, code), value);
    }

    /** The quota's value, null for a code that is not an EC2 vCPU quota. */
    Double quota(String account, String region, String code) {
        Double set = quotas.get(new Key(account, region, code));
        if (set != null) {
            return set;
        }
        for (QuotaClass quotaClass : QuotaClass.values()) {
            for (Purchase purchase : Purchase.values()) {
                if (code.equals(quotaClass.code(purchase))) {
                    return quotaClass == QuotaClass.STANDARD ? DEFAULT_STANDARD : DEFAULT_OTHER;
                }
            }
        }
        return null;
    }

    void addUsage(String account, String region, String usageClass, double vcpus) {
        otherUsage.merge(new Key(account, region, usageClass), vcpus, Double::sum);
    }

    /** vCPUs running by usage class ({@code Standard/OnDemand}, ...); call with the region's lock held. */
    Map<String, Double> usage(RegionState region) {
        Map<String, Double> usage = new HashMap<>();
        region.asgs().values().forEach(asg -> add(usage, asg.launch, asg.desired));
        region.clusters().values().forEach(cluster -> cluster.nodegroups.values()
                .forEach(ng -> add(usage, ng.launch, ng.scaling.desired())));
        otherUsage.forEach((key, vcpus) -> {
            if (key.account().equals(region.accountRegion.account()) && key.region().equals(region.accountRegion.region())) {
                usage.merge(key.name(), vcpus, Double::sum);
            }
        });
        return usage;
    }

    private static void add(Map<String, Double> usage, LaunchShape launch, int instances) {
        String largest = null;
        int vcpus = 0;
        for (String type : launch.instanceTypes()) {
            int count = InstanceTypes.vcpus(type).orElse(0);
            if (count > vcpus) {
                largest = type;
                vcpus = count;
            }
        }
        if (largest == null || instances <= 0) {
            return;
        }
        QuotaClass quotaClass = QuotaClass.of(largest);
        usage.merge(quotaClass.usageClass(Purchase.ON_DEMAND), (double) launch.onDemand(instances) * vcpus, Double::sum);
        usage.merge(quotaClass.usageClass(Purchase.SPOT), (double) launch.spot(instances) * vcpus, Double::sum);
    }
}

package dev.offhours.core.quota;

import java.util.Map;

/**
 * What the spoke account and region answered: vCPUs per instance type, quota values and vCPUs in use per quota.
 * A missing entry is one that could not be read; the rules then cannot judge that type or quota and say so.
 */
public record QuotaReadings(Map<String, Integer> vcpusPerType, Map<QuotaKey, Double> quotas,
                            Map<QuotaKey, Double> usage) {

    public QuotaReadings {
        vcpusPerType = Map.copyOf(vcpusPerType);
        quotas = Map.copyOf(quotas);
        usage = Map.copyOf(usage);
    }
}

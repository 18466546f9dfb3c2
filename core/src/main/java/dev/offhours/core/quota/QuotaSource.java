package dev.offhours.core.quota;

import dev.offhours.core.work.Target;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pre-flight reads from a spoke account and region (behind its role): what a target launches, the vCPUs of
 * instance types, the vCPU quotas and the vCPUs in use. An adapter answers what it could read and leaves out what it
 * could not (the rules then report it as unknown); it throws only when the account cannot be reached at all.
 */
public interface QuotaSource {

    /**
     * What each target of one account and region launches (its instance types and On-Demand/Spot split), by target
     * key; a target whose shape cannot be read is left out.
     */
    Map<String, LaunchShape> launchShapes(String account, String region, List<Target> targets);

    /** vCPUs per instance type (cached by the adapter), and the quota and usage of both purchase options of every
     *  class the types belong to. */
    QuotaReadings readings(String account, String region, Set<String> instanceTypes);
}

package dev.offhours.core.quota;

import java.util.List;

/**
 * What a target launches: its instance types (launch template or configuration, mixed instances policy overrides,
 * node group instance types) and how its instances split into On-Demand and Spot.
 *
 * @param onDemandBase              instances bought On-Demand first (mixed instances policy), 0 otherwise
 * @param onDemandPercentAboveBase  percentage of the instances above the base bought On-Demand: 100 without a mixed
 *                                  instances policy and for ON_DEMAND node groups, 0 for SPOT node groups
 */
public record LaunchShape(List<String> instanceTypes, int onDemandBase, int onDemandPercentAboveBase) {

    public LaunchShape {
        instanceTypes = List.copyOf(instanceTypes);
        if (onDemandBase < 0 || onDemandPercentAboveBase < 0 || onDemandPercentAboveBase > 100) {
            throw new IllegalArgumentException("On-Demand base must be 0 or more and the percentage 0 to 100, but were "
                    + onDemandBase + " and " + onDemandPercentAboveBase);
        }
    }

    public static LaunchShape onDemand(List<String> instanceTypes) {
        return new LaunchShape(instanceTypes, 0, 100);
    }

    public static LaunchShape spot(List<String> instanceTypes) {
        return new LaunchShape(instanceTypes, 0, 0);
    }

    /**
     * The On-Demand instances among {@code instances}: the base first, then the percentage of the rest rounded up
     * (counting a fraction as On-Demand never underestimates the stricter quota).
     */
    public int onDemand(int instances) {
        int base = Math.min(instances, onDemandBase);
        int above = instances - base;
        return base + (int) Math.ceil(above * onDemandPercentAboveBase / 100.0);
    }

    public int spot(int instances) {
        return instances - onDemand(instances);
    }
}

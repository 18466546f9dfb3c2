package dev.offhours.simulator;

import java.util.Map;
import java.util.Optional;

/** The instance types the simulated EC2 knows, with their default vCPUs as DescribeInstanceTypes reports them. */
public final class InstanceTypes {

    /** What a simulated group or node group launches unless a test says otherwise. */
    public static final String DEFAULT = "m5.large";

    private static final Map<String, Integer> VCPUS = Map.ofEntries(
            Map.entry("t3.micro", 2), Map.entry("t3.medium", 2), Map.entry("t3.large", 2),
            Map.entry("m5.large", 2), Map.entry("m5.xlarge", 4), Map.entry("m5.2xlarge", 8),
            Map.entry("m5.4xlarge", 16), Map.entry("m6i.large", 2), Map.entry("m6i.xlarge", 4),
            Map.entry("c5.large", 2), Map.entry("c5.xlarge", 4), Map.entry("c5.4xlarge", 16),
            Map.entry("r6i.large", 2), Map.entry("r6i.2xlarge", 8),
            Map.entry("g5.xlarge", 4), Map.entry("g5.12xlarge", 48), Map.entry("p4d.24xlarge", 96),
            Map.entry("x2idn.16xlarge", 64), Map.entry("inf2.xlarge", 4), Map.entry("f1.2xlarge", 8));

    private InstanceTypes() {
    }

    public static Optional<Integer> vcpus(String type) {
        return Optional.ofNullable(VCPUS.get(type));
    }
}

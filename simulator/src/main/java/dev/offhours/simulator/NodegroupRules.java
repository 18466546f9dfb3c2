package dev.offhours.simulator;

import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;

/** EKS's validation of a managed node group's scaling config (moto accepts maxSize 0 and desired > max). */
final class NodegroupRules {
    private NodegroupRules() {
    }

    /** The scaling config after an update: fields left out keep their current value. */
    static Capacity merge(Capacity current, NodegroupScalingConfig requested, String cluster, String nodegroup) {
        if (requested == null) {
            return current;
        }
        int min = requested.minSize() != null ? requested.minSize() : current.min();
        int desired = requested.desiredSize() != null ? requested.desiredSize() : current.desired();
        int max = requested.maxSize() != null ? requested.maxSize() : current.max();
        String problem = problem(min, desired, max);
        if (problem != null) {
            throw AwsErrors.eksInvalidParameter(problem, cluster, nodegroup);
        }
        return new Capacity(min, desired, max);
    }

    private static String problem(int min, int desired, int max) {
        if (max < 1) {
            return "Maximum capacity " + max + " is invalid: maxSize of a managed node group must be at least 1.";
        }
        if (min < 0 || desired < 0) {
            return "minSize and desiredSize must be at least 0, got minSize " + min + " and desiredSize " + desired + ".";
        }
        if (min > max) {
            return "Minimum capacity " + min + " can't be greater than maximum capacity " + max + ".";
        }
        if (desired > max) {
            return "Desired capacity " + desired + " can't be greater than maximum capacity " + max + ".";
        }
        if (desired < min) {
            return "Desired capacity " + desired + " can't be lower than minimum capacity " + min + ".";
        }
        return null;
    }
}

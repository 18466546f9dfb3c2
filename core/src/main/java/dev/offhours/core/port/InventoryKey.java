package dev.offhours.core.port;

import dev.offhours.core.work.Target;

/**
 * Where an inventory item lives: partition {@code <account>#<region>}, sort key {@code <kind>#<name>} (for a node
 * group {@code eks-nodegroup#<cluster>/<name>}). Partition and sort key joined by {@code #} give {@link Target#key()}.
 */
public record InventoryKey(String partition, String sort) {

    public static InventoryKey of(Target target) {
        return ofTargetKey(target.key());
    }

    /** @throws IllegalArgumentException when {@code targetKey} is not {@code <account>#<region>#<kind>#<name>} */
    public static InventoryKey ofTargetKey(String targetKey) {
        int first = targetKey.indexOf('#');
        int second = first < 0 ? -1 : targetKey.indexOf('#', first + 1);
        if (first <= 0 || second <= first + 1 || second == targetKey.length() - 1) {
            throw new IllegalArgumentException("target key '" + targetKey
                    + "' is not of the form <account>#<region>#<kind>#<name>");
        }
        return new InventoryKey(targetKey.substring(0, second), targetKey.substring(second + 1));
    }

    public static String partition(String account, String region) {
        return account + "#" + region;
    }

    public String targetKey() {
        return partition + "#" + sort;
    }
}

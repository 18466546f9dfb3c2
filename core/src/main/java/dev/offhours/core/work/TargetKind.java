package dev.offhours.core.work;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of capacity offhours can put to sleep. {@link #wireName()} is the spelling in JSON and keys. */
public enum TargetKind {
    ASG("asg"),
    EKS_NODEGROUP("eks-nodegroup");

    private final String wireName;

    TargetKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException naming the valid spellings when {@code text} is none of them */
    public static TargetKind fromWireName(String text) {
        for (TargetKind kind : values()) {
            if (kind.wireName.equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown target kind '" + text + "'; valid kinds are "
                + Arrays.stream(values()).map(TargetKind::wireName).collect(Collectors.joining(", ")));
    }
}

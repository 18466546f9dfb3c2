package dev.offhours.core.port;

/** Kinds of reconciler condition (Flux style). {@link #wireName()} is the spelling in the API and the store. */
public enum ConditionType {
    READY("Ready"),
    RECONCILING("Reconciling"),
    STALLED("Stalled");

    private final String wireName;

    ConditionType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ConditionType fromWireName(String text) {
        for (ConditionType type : values()) {
            if (type.wireName.equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown condition type '" + text + "'; valid: Ready, Reconciling, Stalled");
    }
}

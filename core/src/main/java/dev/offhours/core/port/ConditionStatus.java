package dev.offhours.core.port;

/** Status of a condition. {@link #wireName()} is the spelling in the API and the store. */
public enum ConditionStatus {
    TRUE("True"),
    FALSE("False"),
    UNKNOWN("Unknown");

    private final String wireName;

    ConditionStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ConditionStatus fromWireName(String text) {
        for (ConditionStatus status : values()) {
            if (status.wireName.equals(text)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown condition status '" + text + "'; valid: True, False, Unknown");
    }
}

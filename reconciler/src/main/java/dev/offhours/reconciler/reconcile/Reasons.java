package dev.offhours.reconciler.reconcile;

/** Condition reasons the reconciler publishes (CamelCase). */
public final class Reasons {

    public static final String SUCCEEDED = "Succeeded";
    public static final String NEW_REVISION = "NewRevision";
    public static final String PROGRESSING = "Progressing";
    public static final String VALIDATION_FAILED = "ValidationFailed";
    public static final String FETCH_FAILED = "FetchFailed";
    public static final String APPLY_FAILED = "ApplyFailed";

    private Reasons() {
    }
}

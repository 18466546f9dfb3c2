package dev.offhours.core.port;

/**
 * Status of one operation record. Only IN_PROGRESS may still change; FAILED may still become a success on redrive.
 * SUPERSEDED: the work item arrived after a later intent had begun on its target, so it did nothing.
 */
public enum OperationStatus {
    IN_PROGRESS,
    SUCCEEDED,
    SKIPPED,
    FAILED,
    SUPERSEDED;

    public boolean isFinal() {
        return this != IN_PROGRESS;
    }

    /** Whether a record in this status may be replaced by one in {@code next}: never back, never twice. */
    public boolean mayBecome(OperationStatus next) {
        return switch (this) {
            case IN_PROGRESS -> true;
            case FAILED -> next == SUCCEEDED || next == SKIPPED;
            case SUCCEEDED, SKIPPED, SUPERSEDED -> false;
        };
    }
}

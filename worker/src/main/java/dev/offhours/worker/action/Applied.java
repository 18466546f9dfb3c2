package dev.offhours.worker.action;

/**
 * What a capacity change answered.
 *
 * @param updateId the id of an asynchronous update (EKS), or null for a synchronous change (Auto Scaling)
 * @param state    SUCCESSFUL when the change is done already (synchronous, or the update answered as complete),
 *                 IN_PROGRESS when it must be confirmed later, FAILED when the update answered as failed
 */
public record Applied(String updateId, UpdateState state) {

    /** A synchronous change that is complete when the call returns. */
    public static Applied done() {
        return new Applied(null, UpdateState.SUCCESSFUL);
    }
}

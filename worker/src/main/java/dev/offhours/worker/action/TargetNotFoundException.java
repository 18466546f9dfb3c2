package dev.offhours.worker.action;

/** The target named by a work item does not exist (any more) in its account and region. */
public class TargetNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TargetNotFoundException(String message) {
        super(message);
    }
}

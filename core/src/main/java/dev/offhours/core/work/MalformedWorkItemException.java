package dev.offhours.core.work;

/** A work-queue message that can never be executed; {@link #getMessage()} says why and what would be valid. */
public class MalformedWorkItemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedWorkItemException(String reason) {
        super(reason);
    }

    public MalformedWorkItemException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

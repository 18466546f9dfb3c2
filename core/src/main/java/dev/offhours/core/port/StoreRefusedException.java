package dev.offhours.core.port;

/**
 * The store answered, and its answer will stay the same until someone changes its configuration: access denied, a
 * table that does not exist, a request it finds invalid. Retrying does not help, so callers that retry a store
 * that is {@linkplain StoreUnavailableException unavailable} fail at once on this one, and say what to fix.
 *
 * <p>A subclass of {@link StoreUnavailableException} so that loops that only wait for the next tick keep doing so.
 */
public class StoreRefusedException extends StoreUnavailableException {
    private static final long serialVersionUID = 1L;

    private final String errorCode;

    public StoreRefusedException(String message, String errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The store's own name for the refusal, such as {@code AccessDeniedException} or {@code ValidationException}. */
    public String errorCode() {
        return errorCode;
    }
}

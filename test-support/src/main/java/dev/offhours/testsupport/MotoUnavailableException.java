package dev.offhours.testsupport;

/** moto could not be started; the message says why and how to install it. Tests fail with it, never skip. */
public class MotoUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MotoUnavailableException(String message) {
        super(message);
    }

    public MotoUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

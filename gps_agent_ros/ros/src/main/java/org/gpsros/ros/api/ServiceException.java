package org.gpsros.ros.api;

/**
 * A service call failed, or a handler refuses a request. {@link #reason()} says which way.
 */
public final class ServiceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** How a service call failed. */
    public enum Reason {
        /** The master knows no provider of the service. */
        NOT_FOUND,
        /** The provider could not be reached or the connection broke. */
        CONNECTION_FAILED,
        /** The provider refused the connection with an error header (e.g. md5 mismatch). */
        REJECTED,
        /** The handler answered with an error (ok byte 0); the message is the provider's text. */
        ERROR_REPLY,
        /** No response within the timeout. */
        TIMEOUT,
        /** The response could not be decoded. */
        MALFORMED_RESPONSE,
        /** The client or its node is closed. */
        CLOSED
    }

    private final Reason reason;

    /**
     * For handlers: the request fails and the caller gets an error reply with this message.
     *
     * @param message the error text sent to the caller
     */
    public ServiceException(String message) {
        this(Reason.ERROR_REPLY, message, null);
    }

    /**
     * @param reason  how the call failed
     * @param message details
     * @param cause   the underlying failure, or null
     */
    public ServiceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return how the call failed */
    public Reason reason() {
        return reason;
    }
}

package org.gpsros.ros.internal.master;

import org.gpsros.ros.internal.xmlrpc.XmlRpcException;

/** A master or slave API call answered with a code other than 1 ({@code [code, statusMessage, value]}). */
public final class ApiCallException extends XmlRpcException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final String statusMessage;

    /**
     * @param method        the API method
     * @param code          the reply's code (0 failure, -1 error)
     * @param statusMessage the reply's status message
     */
    public ApiCallException(String method, int code, String statusMessage) {
        super(method + " failed (code " + code + "): " + statusMessage);
        this.code = code;
        this.statusMessage = statusMessage;
    }

    /** @return the reply's code */
    public int code() {
        return code;
    }

    /** @return the reply's status message */
    public String statusMessage() {
        return statusMessage;
    }
}

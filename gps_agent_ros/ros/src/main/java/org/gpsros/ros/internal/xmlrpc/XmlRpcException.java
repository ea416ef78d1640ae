package org.gpsros.ros.internal.xmlrpc;

import java.io.IOException;

/** An XML-RPC exchange failed: unreachable peer, HTTP error, or a document that is not valid XML-RPC. */
public class XmlRpcException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public XmlRpcException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public XmlRpcException(String message, Throwable cause) {
        super(message, cause);
    }
}

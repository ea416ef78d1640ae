package org.gpsros.ros.internal.xmlrpc;

/** The peer answered with an XML-RPC {@code <fault>} (e.g. an unknown method). */
public final class XmlRpcFaultException extends XmlRpcException {
    private static final long serialVersionUID = 1L;
    private final int faultCode;
    private final String faultString;

    /**
     * @param faultCode   the fault's {@code faultCode}
     * @param faultString the fault's {@code faultString}
     */
    public XmlRpcFaultException(int faultCode, String faultString) {
        super("XML-RPC fault " + faultCode + ": " + faultString);
        this.faultCode = faultCode;
        this.faultString = faultString;
    }

    /** @return the fault code */
    public int faultCode() {
        return faultCode;
    }

    /** @return the fault text */
    public String faultString() {
        return faultString;
    }
}

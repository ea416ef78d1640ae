package org.gpsros.ros.internal.xmlrpc;

import java.util.List;

/** Answers XML-RPC calls for an {@link XmlRpcServer}. Called on the server's worker threads, concurrently. */
@FunctionalInterface
public interface XmlRpcHandler {
    /**
     * @param method the method name
     * @param params the parameters
     * @return the return value (see {@link XmlRpcCodec} for the types)
     * @throws XmlRpcFaultException to answer with an XML-RPC fault (e.g. unknown method, wrong arguments)
     */
    Object call(String method, List<Object> params) throws XmlRpcFaultException;
}

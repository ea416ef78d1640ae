package org.gpsros.ros.internal.xmlrpc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A decoded XML-RPC method call.
 *
 * @param method the method name
 * @param params the parameters (values as in {@link XmlRpcCodec}); unmodifiable, may contain {@code null} for
 *               {@code <nil/>}
 */
public record XmlRpcCall(String method, List<Object> params) {
    /** Copies the parameters. */
    public XmlRpcCall {
        Objects.requireNonNull(method, "method");
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }
}

package org.gpsros.ros.internal.master;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gpsros.ros.internal.xmlrpc.XmlRpcException;

/** Reads {@code [code, statusMessage, value]} replies and the value shapes of the master and slave APIs. */
public final class ApiReplies {
    private ApiReplies() {
    }

    /**
     * @param method the method called (for messages)
     * @param reply  the decoded reply
     * @return the value of a successful reply
     * @throws ApiCallException if the code is not 1
     * @throws XmlRpcException  if the reply does not have the triple shape
     */
    public static Object value(String method, Object reply) throws XmlRpcException {
        if (!(reply instanceof List<?> triple) || triple.size() != 3 || !(triple.get(0) instanceof Integer code)) {
            throw new XmlRpcException(method + ": malformed reply, expected [code, statusMessage, value], got "
                    + reply);
        }
        if (code != 1) {
            throw new ApiCallException(method, code, String.valueOf(triple.get(1)));
        }
        return triple.get(2);
    }

    /**
     * @param code    1 success, 0 failure, -1 error
     * @param message the status message
     * @param value   the value
     * @return the reply triple
     */
    public static List<Object> reply(int code, String message, Object value) {
        List<Object> out = new ArrayList<>(3);
        out.add(code);
        out.add(message);
        out.add(value);
        return out;
    }

    /**
     * @param method for messages
     * @param value  a value that must be a list of strings
     * @return the strings
     * @throws XmlRpcException if it is not
     */
    public static List<String> strings(String method, Object value) throws XmlRpcException {
        if (!(value instanceof List<?> list)) {
            throw new XmlRpcException(method + ": expected a list of strings, got " + value);
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new XmlRpcException(method + ": expected a list of strings, got element " + o);
            }
            out.add(s);
        }
        return out;
    }

    /**
     * @param method for messages
     * @param value  a value that must be a list
     * @return the list
     * @throws XmlRpcException if it is not
     */
    public static List<?> list(String method, Object value) throws XmlRpcException {
        if (!(value instanceof List<?> list)) {
            throw new XmlRpcException(method + ": expected a list, got " + value);
        }
        return list;
    }

    /**
     * @param method for messages
     * @param value  a value that must be an integer
     * @return the integer
     * @throws XmlRpcException if it is not
     */
    public static int integer(String method, Object value) throws XmlRpcException {
        if (!(value instanceof Integer i)) {
            throw new XmlRpcException(method + ": expected an integer, got " + value);
        }
        return i;
    }

    /**
     * @param method for messages
     * @param value  a value that must be a string
     * @return the string
     * @throws XmlRpcException if it is not
     */
    public static String string(String method, Object value) throws XmlRpcException {
        if (!(value instanceof String s)) {
            throw new XmlRpcException(method + ": expected a string, got " + value);
        }
        return s;
    }

    /**
     * @param method for messages
     * @param value  a value that must be a struct
     * @return the map
     * @throws XmlRpcException if it is not
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> struct(String method, Object value) throws XmlRpcException {
        if (!(value instanceof Map<?, ?> map)) {
            throw new XmlRpcException(method + ": expected a struct, got " + value);
        }
        return (Map<String, Object>) map;
    }
}

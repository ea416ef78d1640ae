package org.gpsros.ros.internal.xmlrpc;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Encodes and decodes XML-RPC documents (xmlrpc.com spec) with the value mapping used throughout this client:
 *
 * <table>
 * <caption>XML-RPC types and Java types</caption>
 * <tr><th>XML-RPC</th><th>decoded as</th><th>encoded from</th></tr>
 * <tr><td>{@code <string>}, untyped {@code <value>text</value>}</td><td>String</td><td>String, Character</td></tr>
 * <tr><td>{@code <i4>}, {@code <int>}</td><td>Integer</td><td>Integer, Short, Byte, Long in int range</td></tr>
 * <tr><td>{@code <i8>}</td><td>Long</td><td>Long outside int range</td></tr>
 * <tr><td>{@code <boolean>} (0/1)</td><td>Boolean</td><td>Boolean</td></tr>
 * <tr><td>{@code <double>}</td><td>Double</td><td>Double, Float</td></tr>
 * <tr><td>{@code <base64>}</td><td>byte[]</td><td>byte[]</td></tr>
 * <tr><td>{@code <array>}</td><td>unmodifiable List</td><td>Collection, Object[], int[], double[]</td></tr>
 * <tr><td>{@code <struct>}</td><td>unmodifiable Map&lt;String,Object&gt; (member order kept)</td><td>Map</td></tr>
 * <tr><td>{@code <dateTime.iso8601>}</td><td>String (the text)</td><td>-</td></tr>
 * <tr><td>{@code <nil/>}</td><td>null</td><td>null</td></tr>
 * </table>
 *
 * <p>roscpp (XmlRpc++) sends strings untyped and empty strings as {@code <value></value>}; both decode as strings
 * with their whitespace kept. DTDs and external entities are refused. Nesting deeper than {@value #MAX_DEPTH}
 * levels is rejected. Thread-safe.
 */
public final class XmlRpcCodec {
    /** The deepest array/struct nesting accepted when decoding. */
    public static final int MAX_DEPTH = 100;
    private static final XMLInputFactory FACTORY = newFactory();

    private XmlRpcCodec() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return f;
    }

    // ------------------------------------------------------------------------------------------------ encoding

    /**
     * @param method the method name
     * @param params the parameters
     * @return the UTF-8 {@code <methodCall>} document
     * @throws IllegalArgumentException if a value has no XML-RPC form
     */
    public static byte[] encodeCall(String method, List<?> params) {
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version=\"1.0\"?>\n<methodCall><methodName>");
        escape(method, out);
        out.append("</methodName><params>");
        for (Object p : params) {
            out.append("<param>");
            encodeValue(p, out, 0);
            out.append("</param>");
        }
        out.append("</params></methodCall>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param value the return value
     * @return the UTF-8 {@code <methodResponse>} document
     * @throws IllegalArgumentException if the value has no XML-RPC form
     */
    public static byte[] encodeResponse(Object value) {
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version=\"1.0\"?>\n<methodResponse><params><param>");
        encodeValue(value, out, 0);
        out.append("</param></params></methodResponse>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param code    the fault code
     * @param message the fault text
     * @return the UTF-8 {@code <methodResponse><fault>} document
     */
    public static byte[] encodeFault(int code, String message) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("faultCode", code);
        fault.put("faultString", message);
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version=\"1.0\"?>\n<methodResponse><fault>");
        encodeValue(fault, out, 0);
        out.append("</fault></methodResponse>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void encodeValue(Object v, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH + " levels");
        }
        out.append("<value>");
        if (v == null) {
            out.append("<nil/>");
        } else if (v instanceof String || v instanceof Character) {
            out.append("<string>");
            escape(v.toString(), out);
            out.append("</string>");
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            out.append("<i4>").append(((Number) v).intValue()).append("</i4>");
        } else if (v instanceof Long l) {
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                out.append("<i4>").append(l).append("</i4>");
            } else {
                out.append("<i8>").append(l).append("</i8>");
            }
        } else if (v instanceof Boolean b) {
            out.append("<boolean>").append(b ? '1' : '0').append("</boolean>");
        } else if (v instanceof Double || v instanceof Float) {
            out.append("<double>").append(formatDouble(((Number) v).doubleValue())).append("</double>");
        } else if (v instanceof byte[] bytes) {
            out.append("<base64>").append(Base64.getEncoder().encodeToString(bytes)).append("</base64>");
        } else if (v instanceof Map<?, ?> map) {
            out.append("<struct>");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("XML-RPC struct keys must be strings, got " + e.getKey());
                }
                out.append("<member><name>");
                escape(key, out);
                out.append("</name>");
                encodeValue(e.getValue(), out, depth + 1);
                out.append("</member>");
            }
            out.append("</struct>");
        } else if (v instanceof Collection<?> || v instanceof Object[] || v instanceof int[] || v instanceof double[]) {
            out.append("<array><data>");
            for (Object item : asList(v)) {
                encodeValue(item, out, depth + 1);
            }
            out.append("</data></array>");
        } else {
            throw new IllegalArgumentException("no XML-RPC form for " + v.getClass().getName() + ": " + v);
        }
        out.append("</value>");
    }

    private static List<?> asList(Object v) {
        if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (v instanceof Object[] a) {
            return List.of(a);
        }
        List<Object> out = new ArrayList<>();
        if (v instanceof int[] ints) {
            for (int i : ints) {
                out.add(i);
            }
        } else {
            for (double d : (double[]) v) {
                out.add(d);
            }
        }
        return out;
    }

    private static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return Double.toString(d);
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        throw new IllegalArgumentException("control character U+" + String.format("%04X", (int) c)
                                + " cannot be sent in XML-RPC text");
                    }
                    out.append(c);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ decoding

    /**
     * @param xml a {@code <methodCall>} document
     * @return the call
     * @throws XmlRpcException if the document is not a valid XML-RPC call
     */
    public static XmlRpcCall decodeCall(byte[] xml) throws XmlRpcException {
        XMLStreamReader r = open(xml);
        try {
            expectStart(r, "methodCall");
            expectStart(r, "methodName");
            String method = r.getElementText().strip();
            List<Object> params = new ArrayList<>();
            int event = nextTag(r);
            if (event == XMLStreamConstants.START_ELEMENT) {
                requireName(r, "params");
                readParams(r, params);
                expectEnd(r, "methodCall");
            } else {
                requireName(r, "methodCall");
            }
            return new XmlRpcCall(method, params);
        } catch (XMLStreamException | RuntimeException e) {
            throw malformed(e);
        } finally {
            close(r);
        }
    }

    /**
     * @param xml a {@code <methodResponse>} document
     * @return the returned value
     * @throws XmlRpcFaultException if the response is a fault
     * @throws XmlRpcException      if the document is not a valid XML-RPC response
     */
    public static Object decodeResponse(byte[] xml) throws XmlRpcException {
        XMLStreamReader r = open(xml);
        Object value;
        try {
            expectStart(r, "methodResponse");
            nextStart(r);
            if (r.getLocalName().equals("fault")) {
                expectStart(r, "value");
                Object fault = readValue(r, 0);
                if (!(fault instanceof Map<?, ?> m)) {
                    throw new XmlRpcException("malformed XML-RPC fault: not a struct");
                }
                Object code = m.get("faultCode");
                Object text = m.get("faultString");
                throw new XmlRpcFaultException(code instanceof Integer i ? i : 0, String.valueOf(text));
            }
            requireName(r, "params");
            List<Object> params = new ArrayList<>();
            readParams(r, params);
            if (params.size() != 1) {
                throw new XmlRpcException("malformed XML-RPC response: " + params.size() + " params, expected 1");
            }
            value = params.get(0);
        } catch (XmlRpcException e) {
            throw e;
        } catch (XMLStreamException | RuntimeException e) {
            throw malformed(e);
        } finally {
            close(r);
        }
        return value;
    }

    private static XmlRpcException malformed(Exception e) {
        return new XmlRpcException("malformed XML-RPC document: " + e.getMessage(), e);
    }

    private static XMLStreamReader open(byte[] xml) throws XmlRpcException {
        try {
            return FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private static void close(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // nothing left to release
        }
    }

    /** Reads {@code <param><value>..</value></param>*} up to and including {@code </params>}. */
    private static void readParams(XMLStreamReader r, List<Object> params) throws XMLStreamException, XmlRpcException {
        while (nextTag(r) == XMLStreamConstants.START_ELEMENT) {
            requireName(r, "param");
            expectStart(r, "value");
            params.add(readValue(r, 0));
            expectEnd(r, "param");
        }
        requireName(r, "params");
    }

    /** Reads the rest of a value; the reader is on {@code <value>} and ends on {@code </value>}. */
    private static Object readValue(XMLStreamReader r, int depth) throws XMLStreamException, XmlRpcException {
        if (depth > MAX_DEPTH) {
            throw new XmlRpcException("XML-RPC value nested deeper than " + MAX_DEPTH + " levels");
        }
        StringBuilder text = new StringBuilder();
        Object typed = null;
        boolean sawType = false;
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> {
                    if (!sawType) {
                        text.append(r.getText());
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    if (sawType) {
                        throw new XmlRpcException("XML-RPC <value> has more than one typed child");
                    }
                    sawType = true;
                    typed = readTyped(r, depth);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    requireName(r, "value");
                    return sawType ? typed : text.toString();
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // ignored
                }
                default -> throw new XmlRpcException("unexpected XML event " + event + " in <value>");
            }
        }
    }

    /** Reads one typed element; the reader is on its start tag and ends on its end tag. */
    private static Object readTyped(XMLStreamReader r, int depth) throws XMLStreamException, XmlRpcException {
        String type = r.getLocalName();
        switch (type) {
            case "string":
                return r.getElementText();
            case "i4":
            case "int":
                return Integer.parseInt(r.getElementText().strip());
            case "i8":
                return Long.parseLong(r.getElementText().strip());
            case "boolean": {
                String b = r.getElementText().strip();
                if (b.equals("1") || b.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                if (b.equals("0") || b.equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
                throw new XmlRpcException("XML-RPC <boolean> must be 0 or 1, got '" + b + "'");
            }
            case "double":
                return parseDouble(r.getElementText().strip());
            case "base64":
                return Base64.getMimeDecoder().decode(r.getElementText().strip());
            case "dateTime.iso8601":
                return r.getElementText().strip();
            case "nil":
                r.getElementText();
                return null;
            case "array": {
                expectStart(r, "data");
                List<Object> items = new ArrayList<>();
                while (nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                    requireName(r, "value");
                    items.add(readValue(r, depth + 1));
                }
                requireName(r, "data");
                expectEnd(r, "array");
                return Collections.unmodifiableList(items);
            }
            case "struct": {
                Map<String, Object> members = new LinkedHashMap<>();
                while (nextTag(r) == XMLStreamConstants.START_ELEMENT) {
                    requireName(r, "member");
                    expectStart(r, "name");
                    String name = r.getElementText();
                    expectStart(r, "value");
                    members.put(name, readValue(r, depth + 1));
                    expectEnd(r, "member");
                }
                requireName(r, "struct");
                return Collections.unmodifiableMap(members);
            }
            default:
                throw new XmlRpcException("unknown XML-RPC type <" + type + ">");
        }
    }

    private static Double parseDouble(String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "-nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(s);
        }
    }

    private static int nextTag(XMLStreamReader r) throws XMLStreamException {
        return r.nextTag();
    }

    private static void nextStart(XMLStreamReader r) throws XMLStreamException, XmlRpcException {
        if (r.nextTag() != XMLStreamConstants.START_ELEMENT) {
            throw new XmlRpcException("unexpected end tag </" + r.getLocalName() + ">");
        }
    }

    private static void expectStart(XMLStreamReader r, String name) throws XMLStreamException, XmlRpcException {
        nextStart(r);
        requireName(r, name);
    }

    private static void expectEnd(XMLStreamReader r, String name) throws XMLStreamException, XmlRpcException {
        if (r.nextTag() != XMLStreamConstants.END_ELEMENT) {
            throw new XmlRpcException("expected </" + name + "> but found <" + r.getLocalName() + ">");
        }
        requireName(r, name);
    }

    private static void requireName(XMLStreamReader r, String name) throws XmlRpcException {
        if (!r.getLocalName().equals(name)) {
            throw new XmlRpcException("expected <" + name + "> but found <" + r.getLocalName() + ">");
        }
    }
}

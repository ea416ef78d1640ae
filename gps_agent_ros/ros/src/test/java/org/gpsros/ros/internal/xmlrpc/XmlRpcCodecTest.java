package org.gpsros.ros.internal.xmlrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gpsros.ros.testing.Fixtures;
import org.junit.jupiter.api.Test;

class XmlRpcCodecTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rospyTypedCall() throws Exception {
        XmlRpcCall call = XmlRpcCodec.decodeCall(Fixtures.bytes("rospy_requestTopic_call.xml"));
        assertEquals("requestTopic", call.method());
        assertEquals(List.of("/rostopic_17981_1795308820347", "/fixture_f64", List.of(List.of("TCPROS"))),
                call.params());
    }

    @Test
    void roscppUntypedCall() throws Exception {
        XmlRpcCall call = XmlRpcCodec.decodeCall(Fixtures.bytes("roscpp_requestTopic_call.xml"));
        assertEquals("requestTopic", call.method());
        assertEquals(List.of("/record_1795308821451027865", "/fixture_f64", List.of(List.of("TCPROS"))),
                call.params());
    }

    @Test
    void roscppUntypedResponseWithI4() throws Exception {
        Object reply = XmlRpcCodec.decodeResponse(Fixtures.bytes("roscpp_getSubscriptions_response.xml"));
        assertEquals(List.of(1, "subscriptions", List.of(List.of("/fixture_f64", "*"))), reply);
    }

    @Test
    void rosmasterResponse() throws Exception {
        Object reply = XmlRpcCodec.decodeResponse(Fixtures.bytes("rosmaster_getSystemState_response.xml"));
        assertEquals(List.of(1, "current system state", List.of(
                List.of(List.of("/fixture_f64", List.of("/fixture"))), List.of(),
                List.of(List.of("/fixture_srv", List.of("/fixture"))))), reply);
    }

    @Test
    void untypedStringsKeepWhitespaceAndEmptyValuesAreEmptyStrings() throws Exception {
        Object v = XmlRpcCodec.decodeResponse(utf8("<?xml version=\"1.0\"?><methodResponse><params><param>"
                + "<value><array><data><value></value><value> a b </value><value><string/></value>"
                + "<value><int>-7</int></value><value><boolean>1</boolean></value><value><double>2.5</double>"
                + "</value><value><base64>AAEC\n/w==</base64></value><value><nil/></value>"
                + "<value><i8>4294967296</i8></value></data></array></value></param></params></methodResponse>"));
        List<?> list = (List<?>) v;
        assertEquals("", list.get(0));
        assertEquals(" a b ", list.get(1));
        assertEquals("", list.get(2));
        assertEquals(-7, list.get(3));
        assertEquals(true, list.get(4));
        assertEquals(2.5, list.get(5));
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff}, (byte[]) list.get(6));
        assertNull(list.get(7));
        assertEquals(4294967296L, list.get(8));
    }

    @Test
    void structsKeepMemberOrder() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1);
        m.put("a", Map.of("nested", List.of(1.5, "x")));
        Object back = XmlRpcCodec.decodeResponse(XmlRpcCodec.encodeResponse(m));
        assertEquals(List.of("z", "a"), new ArrayList<>(((Map<?, ?>) back).keySet()));
        assertEquals(m, back);
    }

    @Test
    void faultsBecomeExceptions() {
        XmlRpcFaultException e = assertThrows(XmlRpcFaultException.class,
                () -> XmlRpcCodec.decodeResponse(XmlRpcCodec.encodeFault(7, "no such method")));
        assertEquals(7, e.faultCode());
        assertEquals("no such method", e.faultString());
    }

    @Test
    void escapingRoundTrips() throws Exception {
        String s = "a<b>&c\"d'e\r\n\tf ünï €";
        XmlRpcCall call = XmlRpcCodec.decodeCall(XmlRpcCodec.encodeCall("m", List.of(s)));
        assertEquals(s, call.params().get(0));
    }

    @Test
    void specialDoubles() throws Exception {
        List<Double> ds = List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1e-300);
        assertEquals(ds, XmlRpcCodec.decodeResponse(XmlRpcCodec.encodeResponse(ds)));
    }

    @Test
    void malformedDocumentsAreRejectedWithAReason() {
        assertThrows(XmlRpcException.class, () -> XmlRpcCodec.decodeCall(utf8("not xml")));
        assertThrows(XmlRpcException.class, () -> XmlRpcCodec.decodeCall(utf8("<methodCall><methodName>x"
                + "</methodName><params><param><value><i4>12x</i4></value></param></params></methodCall>")));
        assertThrows(XmlRpcException.class, () -> XmlRpcCodec.decodeCall(utf8("<methodCall><methodName>x"
                + "</methodName><params><param><value><foo>1</foo></value></param></params></methodCall>")));
        assertThrows(XmlRpcException.class, () -> XmlRpcCodec.decodeResponse(utf8("<methodResponse><params>"
                + "</params></methodResponse>")));
        XmlRpcException dtd = assertThrows(XmlRpcException.class, () -> XmlRpcCodec.decodeCall(utf8(
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<methodCall><methodName>&e;</methodName></methodCall>")));
        assertTrue(dtd.getMessage().startsWith("malformed XML-RPC document"), dtd.getMessage());
    }

    @Test
    void tooDeepNestingIsRejected() {
        StringBuilder deep = new StringBuilder("<methodResponse><params><param>");
        int depth = XmlRpcCodec.MAX_DEPTH + 5;
        deep.append("<value><array><data>".repeat(depth)).append("<value>x</value>")
                .append("</data></array></value>".repeat(depth));
        deep.append("</param></params></methodResponse>");
        XmlRpcException e = assertThrows(XmlRpcException.class, () -> XmlRpcCodec.decodeResponse(utf8(
                deep.toString())));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    @Test
    void valuesWithoutXmlRpcFormAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> XmlRpcCodec.encodeResponse(new Object()));
        assertThrows(IllegalArgumentException.class, () -> XmlRpcCodec.encodeResponse("bell\u0007"));
        assertThrows(IllegalArgumentException.class, () -> XmlRpcCodec.encodeResponse(Map.of(1, 2)));
    }

    @Property(tries = 200)
    void encodeDecodeRoundTrip(@ForAll("values") Object value) throws Exception {
        assertEquals(value, XmlRpcCodec.decodeResponse(XmlRpcCodec.encodeResponse(value)));
        assertEquals(List.of(value), XmlRpcCodec.decodeCall(XmlRpcCodec.encodeCall("m", List.of(value))).params());
    }

    @Provide
    Arbitrary<Object> values() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t', 'é', '€').ofMaxLength(12)
                        .map(s -> (Object) s));
        return Arbitraries.recursive(() -> scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5), inner).ofMaxSize(3)
                        .map(m -> (Object) m)), 0, 3);
    }
}

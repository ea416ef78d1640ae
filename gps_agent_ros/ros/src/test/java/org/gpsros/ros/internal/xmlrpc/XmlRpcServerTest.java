package org.gpsros.ros.internal.xmlrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JDK-based server and client against each other, plus raw HTTP for what the client never sends. */
class XmlRpcServerTest {
    private static XmlRpcServer echoServer(int maxBytes) throws Exception {
        return new XmlRpcServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), (method, params) -> {
            if (method.equals("echo")) {
                return params;
            }
            throw new XmlRpcFaultException(1, "method \"" + method + "\" is not supported");
        }, 2, maxBytes, "test-xmlrpc");
    }

    @Test
    void callsAndFaultsOnAnyPath() throws Exception {
        try (XmlRpcServer server = echoServer(1 << 20);
                XmlRpcClient client = new XmlRpcClient(Duration.ofSeconds(5), 1, "test-http")) {
            int port = server.address().getPort();
            assertEquals(List.of("a", 1), client.call(URI.create("http://127.0.0.1:" + port), "echo",
                    List.of("a", 1)));
            assertEquals(List.of(), client.call(URI.create("http://127.0.0.1:" + port + "/RPC2"), "echo",
                    List.of()));
            XmlRpcFaultException fault = assertThrows(XmlRpcFaultException.class, () -> client.call(
                    URI.create("http://127.0.0.1:" + port + "/"), "nope", List.of()));
            assertEquals("method \"nope\" is not supported", fault.faultString());
        }
    }

    @Test
    void rejectsGetOversizedAndMalformedRequests() throws Exception {
        try (XmlRpcServer server = echoServer(200)) {
            URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            assertEquals(405, http.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(413, http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(
                    "x".repeat(300))).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            HttpResponse<byte[]> bad = http.send(HttpRequest.newBuilder(uri).POST(
                    HttpRequest.BodyPublishers.ofString("<methodCall>")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, bad.statusCode());
            XmlRpcFaultException fault = assertThrows(XmlRpcFaultException.class,
                    () -> XmlRpcCodec.decodeResponse(bad.body()));
            assertTrue(fault.faultString().startsWith("malformed XML-RPC document"), fault.faultString());
        }
    }

    @Test
    void unreachableServerIsAnXmlRpcException() throws Exception {
        int port;
        try (XmlRpcServer server = echoServer(100)) {
            port = server.address().getPort();
        }
        try (XmlRpcClient client = new XmlRpcClient(Duration.ofSeconds(2), 1, "test-http")) {
            XmlRpcException e = assertThrows(XmlRpcException.class, () -> client.call(URI.create(
                    "http://127.0.0.1:" + port + "/"), "echo", List.of()));
            assertTrue(e.getMessage().startsWith("echo on http://127.0.0.1:" + port + "/ failed"), e.getMessage());
        }
    }
}

package org.gpsros.ros.internal.tcpros;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.gpsros.ros.testing.Fixtures;
import org.junit.jupiter.api.Test;

class ConnectionHeaderTest {
    private static ConnectionHeader read(byte[] whole, int max) throws Exception {
        return ConnectionHeader.read(Channels.newChannel(new ByteArrayInputStream(whole)), max);
    }

    @Test
    void rospySubscriberHeader() throws Exception {
        byte[] raw = Fixtures.bytes("tcpros_rospy_subscriber_header.bin");
        ConnectionHeader h = read(raw, ConnectionHeader.DEFAULT_MAX_BYTES);
        assertEquals(List.of("callerid", "md5sum", "message_definition", "tcp_nodelay", "topic", "type"),
                List.copyOf(h.fields().keySet()));
        assertEquals("fdb28210bfa9d7c91146260178d9a584", h.get("md5sum").orElseThrow());
        assertEquals("float64 data", h.get("message_definition").orElseThrow());
        assertEquals("/fixture_f64", h.get("topic").orElseThrow());
        // re-encoding gives the captured bytes exactly
        ByteBuffer encoded = h.encode();
        byte[] back = new byte[encoded.remaining()];
        encoded.get(back);
        assertArrayEquals(raw, back);
    }

    @Test
    void roscppRecorderHeaderUsesWildcards() throws Exception {
        ConnectionHeader h = read(Fixtures.bytes("tcpros_roscpp_subscriber_header.bin"), 1 << 20);
        assertEquals("*", h.get("md5sum").orElseThrow());
        assertEquals("*", h.get("type").orElseThrow());
        assertTrue(h.get("message_definition").isEmpty());
        assertEquals(false, h.flag("tcp_nodelay"));
    }

    @Test
    void serviceHeaders() throws Exception {
        ConnectionHeader probe = read(Fixtures.bytes("tcpros_service_probe_header.bin"), 1 << 20);
        assertTrue(probe.flag("probe"));
        assertEquals("*", probe.get("md5sum").orElseThrow());
        ConnectionHeader call = read(Fixtures.bytes("tcpros_service_call_header.bin"), 1 << 20);
        assertEquals("937c9679a518e3a18d831e57125ea522", call.get("md5sum").orElseThrow());
        assertEquals("/fixture_srv", call.get("service").orElseThrow());
    }

    @Test
    void splitsAtTheFirstEquals() throws Exception {
        ConnectionHeader h = ConnectionHeader.of("message_definition", "int32 X=1\nstring S==a");
        ByteBuffer enc = h.encode();
        enc.getInt();
        ConnectionHeader back = ConnectionHeader.decode(enc);
        assertEquals("int32 X=1\nstring S==a", back.get("message_definition").orElseThrow());
    }

    private static ByteBuffer body(byte[]... fields) {
        int n = 0;
        for (byte[] f : fields) {
            n += f.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        for (byte[] f : fields) {
            b.put(f);
        }
        return b.flip();
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    @Test
    void malformedHeadersAreRejectedWithAReason() {
        assertTrue(assertThrows(TcpRosException.class, () -> ConnectionHeader.decode(body(le(50), "a=b".getBytes())))
                .getMessage().contains("declares 50 bytes but only 3 remain"));
        assertTrue(assertThrows(TcpRosException.class, () -> ConnectionHeader.decode(body(le(3), "abc".getBytes())))
                .getMessage().contains("is not key=value"));
        assertTrue(assertThrows(TcpRosException.class, () -> ConnectionHeader.decode(body(le(2), "=x".getBytes())))
                .getMessage().contains("is not key=value"));
        assertTrue(assertThrows(TcpRosException.class, () -> ConnectionHeader.decode(body(le(3),
                new byte[] {'a', '=', (byte) 0xff}))).getMessage().contains("not valid UTF-8"));
        assertTrue(assertThrows(TcpRosException.class, () -> ConnectionHeader.decode(body(le(3), "a=b".getBytes(),
                new byte[] {1, 2}))).getMessage().contains("2 stray bytes"));
        TcpRosException big = assertThrows(TcpRosException.class, () -> read(le(2_000_000_000), 1 << 20));
        assertEquals("connection header of 2000000000 bytes exceeds the limit of 1048576 bytes", big.getMessage());
        TcpRosException huge = assertThrows(TcpRosException.class, () -> read(le(-1), 1 << 20));
        assertTrue(huge.getMessage().startsWith("connection header of 4294967295 bytes"), huge.getMessage());
    }

    @Property(tries = 200)
    void roundTrip(@ForAll @Size(max = 6) Map<@StringLength(min = 1, max = 8) String, @StringLength(max = 30) String>
            fields) throws Exception {
        Map<String, String> clean = new LinkedHashMap<>();
        fields.forEach((k, v) -> clean.put(k.replace('=', '_'), v));
        ConnectionHeader h = ConnectionHeader.of(clean);
        ByteBuffer enc = h.encode();
        byte[] bytes = new byte[enc.remaining()];
        enc.get(bytes);
        assertEquals(h, read(bytes, 1 << 20));
    }
}

package org.gpsros.ros.internal.tcpros;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A TCPROS connection header (ROS wiki "ROS/Connection Header"): {@code uint32 total length}, then fields each as
 * {@code uint32 length} + {@code key=value} in UTF-8, split at the FIRST {@code =} (values may contain {@code =}).
 * All integers little-endian. A repeated key keeps its last value, as roscpp does.
 *
 * <p>Immutable.
 */
public final class ConnectionHeader {
    /** Default limit of a header's total length: far above any real one (message definitions are a few KB). */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    private final Map<String, String> fields;

    private ConnectionHeader(Map<String, String> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /**
     * @param keyValues alternating keys and values
     * @return the header, fields in the given order
     */
    public static ConnectionHeader of(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return of(m);
    }

    /**
     * @param fields the fields in order
     * @return the header
     * @throws IllegalArgumentException if a key is empty or contains {@code =}
     */
    public static ConnectionHeader of(Map<String, String> fields) {
        Map<String, String> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (k.isEmpty() || k.indexOf('=') >= 0) {
                throw new IllegalArgumentException("header key must be non-empty and without '=': '" + k + "'");
            }
            copy.put(k, v);
        });
        return new ConnectionHeader(copy);
    }

    /**
     * @param message the error text
     * @return a header with only {@code error=message}, the ROS way to refuse a connection
     */
    public static ConnectionHeader error(String message) {
        return of("error", message);
    }

    /** @return the fields in order */
    public Map<String, String> fields() {
        return fields;
    }

    /**
     * @param key a field name
     * @return its value, if present
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /**
     * @param key a field name
     * @return whether present
     */
    public boolean has(String key) {
        return fields.containsKey(key);
    }

    /**
     * @param key a field name
     * @return whether its value is {@code 1} or {@code true} (any case)
     */
    public boolean flag(String key) {
        String v = fields.get(key);
        return v != null && (v.strip().equals("1") || v.strip().equalsIgnoreCase("true"));
    }

    /**
     * @return the whole header: total length and fields, positioned at 0
     */
    public ByteBuffer encode() {
        byte[][] encoded = new byte[fields.size()][];
        int total = 0;
        int i = 0;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            encoded[i] = (e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8);
            total += 4 + encoded[i].length;
            i++;
        }
        ByteBuffer out = ByteBuffer.allocate(4 + total).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(total);
        for (byte[] f : encoded) {
            out.putInt(f.length).put(f);
        }
        return out.flip();
    }

    /**
     * @param body the header's bytes after the total-length prefix, from position to limit
     * @return the header
     * @throws TcpRosException if a field's length runs past the end, a field has no {@code =} or an empty key, or
     *                         the text is not UTF-8
     */
    public static ConnectionHeader decode(ByteBuffer body) throws TcpRosException {
        ByteBuffer b = body.slice().order(ByteOrder.LITTLE_ENDIAN);
        Map<String, String> m = new LinkedHashMap<>();
        var utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int index = 0;
        while (b.hasRemaining()) {
            if (b.remaining() < 4) {
                throw new TcpRosException("malformed connection header: " + b.remaining()
                        + " stray bytes after field " + index);
            }
            long len = Integer.toUnsignedLong(b.getInt());
            if (len > b.remaining()) {
                throw new TcpRosException("malformed connection header: field " + index + " declares " + len
                        + " bytes but only " + b.remaining() + " remain");
            }
            ByteBuffer field = b.slice().limit((int) len);
            b.position(b.position() + (int) len);
            String text;
            try {
                text = utf8.decode(field).toString();
            } catch (CharacterCodingException e) {
                throw new TcpRosException("malformed connection header: field " + index + " is not valid UTF-8");
            }
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new TcpRosException("malformed connection header: field " + index + " '" + abbreviate(text)
                        + "' is not key=value");
            }
            m.put(text.substring(0, eq), text.substring(eq + 1));
            index++;
        }
        return new ConnectionHeader(m);
    }

    /**
     * Reads one header from a blocking channel.
     *
     * @param channel  the channel
     * @param maxBytes the largest total length accepted
     * @return the header
     * @throws TcpRosException if the header is malformed or longer than {@code maxBytes}
     * @throws IOException     if the channel fails or ends early
     */
    public static ConnectionHeader read(ReadableByteChannel channel, int maxBytes) throws IOException {
        long total = Frames.readLength(channel);
        if (total > maxBytes) {
            throw new TcpRosException("connection header of " + total + " bytes exceeds the limit of " + maxBytes
                    + " bytes");
        }
        ByteBuffer body = ByteBuffer.allocate((int) total);
        Frames.readFully(channel, body);
        return decode(body.flip());
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /**
     * @return the fields, with {@code message_definition} shortened, for logs
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(k).append('=').append(k.equals("message_definition") ? "(" + v.length() + " chars)" : v);
        });
        return out.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionHeader h && h.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }
}

package org.gpsros.msg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageDecodingException;
import org.gpsros.msg.runtime.MessageType;

/** Round trips of random messages of every generated type, and robustness against truncated and corrupt input. */
class CodecPropertiesTest {

    @Provide
    Arbitrary<MessageType<?>> types() {
        return Arbitraries.of(TestData.allMessageTypes());
    }

    @Property(tries = 400)
    void randomMessagesRoundTrip(@ForAll("types") MessageType<?> type, @ForAll long seed) {
        roundTrip(type, seed);
    }

    private static <T extends Message> void roundTrip(MessageType<T> type, long seed) {
        T message = new RandomMessages(seed).next(type);
        byte[] bytes = type.serialize(message);
        assertEquals(bytes.length, type.serializedSize(message));
        T decoded = type.deserialize(bytes);
        assertEquals(message, decoded);
        assertEquals(message.hashCode(), decoded.hashCode());
        assertArrayEquals(bytes, type.serialize(decoded));
        assertEquals(message, type.deserialize(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip()));
    }

    @Property(tries = 300)
    void everyProperPrefixIsTruncated(@ForAll("types") MessageType<?> type, @ForAll long seed,
            @ForAll double cutFraction) {
        byte[] bytes = serialize(type, seed);
        if (bytes.length == 0) {
            return;
        }
        int cut = (int) Math.min(bytes.length - 1, Math.floor(Math.abs(cutFraction % 1.0) * bytes.length));
        byte[] prefix = java.util.Arrays.copyOf(bytes, cut);
        MessageDecodingException e = assertThrows(MessageDecodingException.class, () -> type.deserialize(prefix));
        assertEquals(MessageDecodingException.Kind.TRUNCATED, e.kind(), e.getMessage());
        assertEquals(type.name(), e.messageType());
    }

    @Property(tries = 400)
    void corruptedBytesDecodeOrFailCleanly(@ForAll("types") MessageType<?> type, @ForAll long seed,
            @ForAll int position, @ForAll byte value, @ForAll @Size(max = 3) byte[] appended) {
        byte[] bytes = serialize(type, seed);
        if (bytes.length > 0) {
            bytes[Math.floorMod(position, bytes.length)] = value;
        }
        byte[] input = new byte[bytes.length + appended.length];
        System.arraycopy(bytes, 0, input, 0, bytes.length);
        System.arraycopy(appended, 0, input, bytes.length, appended.length);
        decodeOrFailCleanly(type, input);
    }

    @Property(tries = 300)
    void randomBytesDecodeOrFailCleanly(@ForAll("types") MessageType<?> type, @ForAll @Size(max = 64) byte[] input) {
        decodeOrFailCleanly(type, input);
    }

    private static <T extends Message> void decodeOrFailCleanly(MessageType<T> type, byte[] input) {
        T decoded;
        try {
            decoded = type.deserialize(input);
        } catch (MessageDecodingException e) {
            assertEquals(type.name(), e.messageType());
            return;
        }
        // Whatever decodes is a valid message: it re-encodes and decodes to itself (bools normalise to 0/1).
        assertEquals(decoded, type.deserialize(type.serialize(decoded)));
    }

    private static <T extends Message> byte[] serialize(MessageType<T> type, long seed) {
        return type.serialize(new RandomMessages(seed).next(type));
    }
}

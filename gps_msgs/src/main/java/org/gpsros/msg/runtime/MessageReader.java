package org.gpsros.msg.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ROS 1 wire data (little-endian, unpadded) from a buffer; generated codecs call it field by field.
 *
 * <p>Every read checks the remaining bytes first and every length prefix against the remaining bytes and the
 * {@link DecodeLimits}, so malformed input ends in a {@link MessageDecodingException} naming the message type and
 * field (passed in by the generated code) and never in an allocation of more than the input justifies. Not
 * thread-safe; one reader per message.
 */
public final class MessageReader {
    private final ByteBuffer buffer;
    private final DecodeLimits limits;
    private CharsetDecoder utf8;

    /**
     * @param source the bytes from its position to its limit (not modified; the reader works on a view)
     * @param limits the size limits
     */
    public MessageReader(ByteBuffer source, DecodeLimits limits) {
        this.buffer = source.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
    }

    /** @return the number of bytes not read yet */
    public int remaining() {
        return buffer.remaining();
    }

    /** @return the number of bytes read so far */
    public int position() {
        return buffer.position();
    }

    /** @return the limits in force */
    public DecodeLimits limits() {
        return limits;
    }

    private void need(long bytes, String type, String field, String fieldType) {
        if (buffer.remaining() < bytes) {
            throw MessageDecodingException.of(MessageDecodingException.Kind.TRUNCATED, type, field, fieldType,
                    "needs " + bytes + " bytes but only " + buffer.remaining() + " remain (truncated input)");
        }
    }

    /** Reads a {@code bool} (any non-zero byte is true). */
    public boolean readBoolean(String type, String field) {
        need(1, type, field, "bool");
        return buffer.get() != 0;
    }

    /** Reads an {@code int8}, {@code uint8}, {@code byte} or {@code char}. */
    public byte readByte(String type, String field) {
        need(1, type, field, "int8/uint8");
        return buffer.get();
    }

    /** Reads an {@code int16} or {@code uint16}. */
    public short readShort(String type, String field) {
        need(2, type, field, "int16/uint16");
        return buffer.getShort();
    }

    /** Reads an {@code int32} or {@code uint32}. */
    public int readInt(String type, String field) {
        need(4, type, field, "int32/uint32");
        return buffer.getInt();
    }

    /** Reads an {@code int64} or {@code uint64}. */
    public long readLong(String type, String field) {
        need(8, type, field, "int64/uint64");
        return buffer.getLong();
    }

    /** Reads a {@code float32}. */
    public float readFloat(String type, String field) {
        need(4, type, field, "float32");
        return buffer.getFloat();
    }

    /** Reads a {@code float64}. */
    public double readDouble(String type, String field) {
        need(8, type, field, "float64");
        return buffer.getDouble();
    }

    /** Reads a {@code time}. */
    public Time readTime(String type, String field) {
        need(8, type, field, "time");
        return new Time(buffer.getInt(), buffer.getInt());
    }

    /** Reads a {@code duration}. */
    public Duration readDuration(String type, String field) {
        need(8, type, field, "duration");
        return new Duration(buffer.getInt(), buffer.getInt());
    }

    /**
     * Reads a uint32 length prefix and checks that the declared data fits the remaining bytes and the limits.
     *
     * @param type            the ROS type being decoded
     * @param field           the array field
     * @param minElementBytes the smallest wire size of one element (0 for messages without content)
     * @return the element count
     */
    public int readCount(String type, String field, long minElementBytes) {
        return checkedCount(type, field, "array", minElementBytes);
    }

    private int checkedCount(String type, String field, String fieldType, long minElementBytes) {
        need(4, type, field, fieldType + " length");
        long count = Integer.toUnsignedLong(buffer.getInt());
        long bytes = count * minElementBytes;
        if (count > limits.maxLengthBytes() || bytes > limits.maxLengthBytes()) {
            throw MessageDecodingException.of(MessageDecodingException.Kind.SIZE_LIMIT, type, field, fieldType,
                    "declares " + count + (fieldType.equals("string") ? " bytes" : " elements (" + bytes
                            + " bytes)") + ", more than the limit of " + limits.maxLengthBytes() + " bytes");
        }
        if (bytes > buffer.remaining()) {
            throw MessageDecodingException.of(MessageDecodingException.Kind.TRUNCATED, type, field, fieldType,
                    "declares " + count + (fieldType.equals("string") ? " bytes" : " elements (at least " + bytes
                            + " bytes)") + " but only " + buffer.remaining() + " remain (truncated input)");
        }
        return (int) count;
    }

    private int fixedCount(String type, String field, String fieldType, int count, int elementBytes) {
        need((long) count * elementBytes, type, field, fieldType + "[" + count + "]");
        return count;
    }

    /**
     * Reads a {@code string}: uint32 byte length, then UTF-8 bytes.
     *
     * @param index the element index when the string is an element of a {@code string[]}, else -1
     */
    public String readString(String type, String field, int index) {
        String path = index < 0 ? field : field + "[" + index + "]";
        int length = checkedCount(type, path, "string", 1);
        int start = buffer.position();
        String s;
        if (buffer.hasArray() && isAscii(buffer.array(), buffer.arrayOffset() + start, length)) {
            s = new String(buffer.array(), buffer.arrayOffset() + start, length, StandardCharsets.ISO_8859_1);
        } else {
            s = decodeUtf8(start, length, type, path);
        }
        buffer.position(start + length);
        return s;
    }

    private static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private String decodeUtf8(int start, int length, String type, String path) {
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        ByteBuffer in = buffer.slice(start, length);
        CharBuffer out = CharBuffer.allocate(length);
        utf8.reset();
        CoderResult result = utf8.decode(in, out, true);
        if (!result.isError()) {
            result = utf8.flush(out);
        }
        if (result.isError()) {
            throw MessageDecodingException.of(MessageDecodingException.Kind.MALFORMED_UTF8, type, path, "string",
                    "is not valid UTF-8 (byte " + in.position() + " of " + length + ")");
        }
        return out.flip().toString();
    }

    /** Reads a {@code string[]} with its length prefix. */
    public List<String> readStrings(String type, String field) {
        return readStrings(type, field, checkedCount(type, field, "string[]", 4));
    }

    /** Reads a {@code string[count]} (no length prefix). */
    public List<String> readStrings(String type, String field, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(readString(type, field, i));
        }
        return out;
    }

    /** Reads a {@code time[]} with its length prefix. */
    public List<Time> readTimes(String type, String field) {
        return readTimes(type, field, checkedCount(type, field, "time[]", 8));
    }

    /** Reads a {@code time[count]} (no length prefix). */
    public List<Time> readTimes(String type, String field, int count) {
        fixedCount(type, field, "time", count, 8);
        List<Time> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new Time(buffer.getInt(), buffer.getInt()));
        }
        return out;
    }

    /** Reads a {@code duration[]} with its length prefix. */
    public List<Duration> readDurations(String type, String field) {
        return readDurations(type, field, checkedCount(type, field, "duration[]", 8));
    }

    /** Reads a {@code duration[count]} (no length prefix). */
    public List<Duration> readDurations(String type, String field, int count) {
        fixedCount(type, field, "duration", count, 8);
        List<Duration> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new Duration(buffer.getInt(), buffer.getInt()));
        }
        return out;
    }

    /** Reads a {@code bool[]} with its length prefix. */
    public boolean[] readBooleans(String type, String field) {
        return booleans(checkedCount(type, field, "bool[]", 1));
    }

    /** Reads a {@code bool[count]}. */
    public boolean[] readBooleans(String type, String field, int count) {
        return booleans(fixedCount(type, field, "bool", count, 1));
    }

    private boolean[] booleans(int count) {
        boolean[] out = new boolean[count];
        for (int i = 0; i < count; i++) {
            out[i] = buffer.get() != 0;
        }
        return out;
    }

    /** Reads an {@code int8[]}/{@code uint8[]} with its length prefix. */
    public byte[] readBytes(String type, String field) {
        return bytes(checkedCount(type, field, "int8[]/uint8[]", 1));
    }

    /** Reads an {@code int8[count]}/{@code uint8[count]}. */
    public byte[] readBytes(String type, String field, int count) {
        return bytes(fixedCount(type, field, "int8/uint8", count, 1));
    }

    private byte[] bytes(int count) {
        byte[] out = new byte[count];
        buffer.get(out);
        return out;
    }

    /** Reads an {@code int16[]}/{@code uint16[]} with its length prefix. */
    public short[] readShorts(String type, String field) {
        return shorts(checkedCount(type, field, "int16[]/uint16[]", 2));
    }

    /** Reads an {@code int16[count]}/{@code uint16[count]}. */
    public short[] readShorts(String type, String field, int count) {
        return shorts(fixedCount(type, field, "int16/uint16", count, 2));
    }

    private short[] shorts(int count) {
        short[] out = new short[count];
        buffer.asShortBuffer().get(out);
        buffer.position(buffer.position() + 2 * count);
        return out;
    }

    /** Reads an {@code int32[]}/{@code uint32[]} with its length prefix. */
    public int[] readInts(String type, String field) {
        return ints(checkedCount(type, field, "int32[]/uint32[]", 4));
    }

    /** Reads an {@code int32[count]}/{@code uint32[count]}. */
    public int[] readInts(String type, String field, int count) {
        return ints(fixedCount(type, field, "int32/uint32", count, 4));
    }

    private int[] ints(int count) {
        int[] out = new int[count];
        buffer.asIntBuffer().get(out);
        buffer.position(buffer.position() + 4 * count);
        return out;
    }

    /** Reads an {@code int64[]}/{@code uint64[]} with its length prefix. */
    public long[] readLongs(String type, String field) {
        return longs(checkedCount(type, field, "int64[]/uint64[]", 8));
    }

    /** Reads an {@code int64[count]}/{@code uint64[count]}. */
    public long[] readLongs(String type, String field, int count) {
        return longs(fixedCount(type, field, "int64/uint64", count, 8));
    }

    private long[] longs(int count) {
        long[] out = new long[count];
        buffer.asLongBuffer().get(out);
        buffer.position(buffer.position() + 8 * count);
        return out;
    }

    /** Reads a {@code float32[]} with its length prefix. */
    public float[] readFloats(String type, String field) {
        return floats(checkedCount(type, field, "float32[]", 4));
    }

    /** Reads a {@code float32[count]}. */
    public float[] readFloats(String type, String field, int count) {
        return floats(fixedCount(type, field, "float32", count, 4));
    }

    private float[] floats(int count) {
        float[] out = new float[count];
        buffer.asFloatBuffer().get(out);
        buffer.position(buffer.position() + 4 * count);
        return out;
    }

    /** Reads a {@code float64[]} with its length prefix. */
    public double[] readDoubles(String type, String field) {
        return doubles(checkedCount(type, field, "float64[]", 8));
    }

    /** Reads a {@code float64[count]}. */
    public double[] readDoubles(String type, String field, int count) {
        return doubles(fixedCount(type, field, "float64", count, 8));
    }

    private double[] doubles(int count) {
        double[] out = new double[count];
        buffer.asDoubleBuffer().get(out);
        buffer.position(buffer.position() + 8 * count);
        return out;
    }
}

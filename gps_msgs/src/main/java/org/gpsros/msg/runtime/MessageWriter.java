package org.gpsros.msg.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Writes ROS 1 wire data (little-endian, unpadded) into a buffer sized beforehand with
 * {@link MessageType#serializedSize}; generated codecs call it field by field. Length prefixes are written by the
 * caller with {@link #writeCount}; the element writers write elements only.
 */
public final class MessageWriter {
    private final ByteBuffer buffer;

    /**
     * @param target the buffer to write into from its position; the writer works on a little-endian view, so the
     *               target's own position is not advanced (use {@link #position()})
     */
    public MessageWriter(ByteBuffer target) {
        this.buffer = target.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return the number of bytes written so far */
    public int position() {
        return buffer.position();
    }

    /** Writes a {@code bool} as 0 or 1. */
    public void writeBoolean(boolean value) {
        buffer.put(value ? (byte) 1 : (byte) 0);
    }

    /** Writes an {@code int8}, {@code uint8}, {@code byte} or {@code char}. */
    public void writeByte(byte value) {
        buffer.put(value);
    }

    /** Writes an {@code int16} or {@code uint16}. */
    public void writeShort(short value) {
        buffer.putShort(value);
    }

    /** Writes an {@code int32} or {@code uint32}. */
    public void writeInt(int value) {
        buffer.putInt(value);
    }

    /** Writes an {@code int64} or {@code uint64}. */
    public void writeLong(long value) {
        buffer.putLong(value);
    }

    /** Writes a {@code float32}. */
    public void writeFloat(float value) {
        buffer.putFloat(value);
    }

    /** Writes a {@code float64}. */
    public void writeDouble(double value) {
        buffer.putDouble(value);
    }

    /** Writes a {@code time}. */
    public void writeTime(Time value) {
        buffer.putInt(value.secs()).putInt(value.nsecs());
    }

    /** Writes a {@code duration}. */
    public void writeDuration(Duration value) {
        buffer.putInt(value.secs()).putInt(value.nsecs());
    }

    /** Writes the uint32 length prefix of a variable-length array. */
    public void writeCount(int count) {
        buffer.putInt(count);
    }

    /**
     * Writes a {@code string}: uint32 byte length and UTF-8 bytes.
     *
     * @throws IllegalArgumentException if the string has an unpaired surrogate, naming type and field
     */
    public void writeString(String value, String type, String field) {
        byte[] bytes = WireSize.utf8(value, type, field);
        buffer.putInt(bytes.length).put(bytes);
    }

    /** Writes the elements of a {@code string[]} (no length prefix). */
    public void writeStrings(List<String> values, String type, String field) {
        for (String value : values) {
            writeString(value, type, field);
        }
    }

    /** Writes the elements of a {@code time[]} (no length prefix). */
    public void writeTimes(List<Time> values) {
        for (Time value : values) {
            writeTime(value);
        }
    }

    /** Writes the elements of a {@code duration[]} (no length prefix). */
    public void writeDurations(List<Duration> values) {
        for (Duration value : values) {
            writeDuration(value);
        }
    }

    /** Writes the elements of a {@code bool[]} (no length prefix). */
    public void writeBooleans(boolean[] values) {
        for (boolean value : values) {
            buffer.put(value ? (byte) 1 : (byte) 0);
        }
    }

    /** Writes the elements of an {@code int8[]}/{@code uint8[]} (no length prefix). */
    public void writeBytes(byte[] values) {
        buffer.put(values);
    }

    /** Writes the elements of an {@code int16[]}/{@code uint16[]} (no length prefix). */
    public void writeShorts(short[] values) {
        buffer.asShortBuffer().put(values);
        buffer.position(buffer.position() + 2 * values.length);
    }

    /** Writes the elements of an {@code int32[]}/{@code uint32[]} (no length prefix). */
    public void writeInts(int[] values) {
        buffer.asIntBuffer().put(values);
        buffer.position(buffer.position() + 4 * values.length);
    }

    /** Writes the elements of an {@code int64[]}/{@code uint64[]} (no length prefix). */
    public void writeLongs(long[] values) {
        buffer.asLongBuffer().put(values);
        buffer.position(buffer.position() + 8 * values.length);
    }

    /** Writes the elements of a {@code float32[]} (no length prefix). */
    public void writeFloats(float[] values) {
        buffer.asFloatBuffer().put(values);
        buffer.position(buffer.position() + 4 * values.length);
    }

    /** Writes the elements of a {@code float64[]} (no length prefix). */
    public void writeDoubles(double[] values) {
        buffer.asDoubleBuffer().put(values);
        buffer.position(buffer.position() + 8 * values.length);
    }
}

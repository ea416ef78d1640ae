package org.gpsros.ros.internal.tcpros;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/** Blocking reads and writes of TCPROS's little-endian length-prefixed frames. */
public final class Frames {
    private Frames() {
    }

    /**
     * @param channel a blocking channel
     * @param target  filled from position to limit
     * @throws EOFException if the channel ends first
     * @throws IOException  if it fails
     */
    public static void readFully(ReadableByteChannel channel, ByteBuffer target) throws IOException {
        while (target.hasRemaining()) {
            if (channel.read(target) < 0) {
                throw new EOFException("connection closed by peer");
            }
        }
    }

    /**
     * @param channel a blocking channel
     * @return the next uint32 little-endian length
     * @throws IOException if the channel fails or ends
     */
    public static long readLength(ReadableByteChannel channel) throws IOException {
        ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, len);
        return Integer.toUnsignedLong(len.getInt(0));
    }

    /**
     * Reads one {@code uint32 length + body} frame.
     *
     * @param channel  a blocking channel
     * @param maxBytes the largest body accepted
     * @return the body, positioned at 0
     * @throws TcpRosException if the declared length exceeds {@code maxBytes} (the stream cannot be trusted after)
     * @throws IOException     if the channel fails or ends
     */
    public static ByteBuffer readFrame(ReadableByteChannel channel, int maxBytes) throws IOException {
        long len = readLength(channel);
        if (len > maxBytes) {
            throw new TcpRosException("frame of " + len + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
        ByteBuffer body = ByteBuffer.allocate((int) len);
        readFully(channel, body);
        return body.flip();
    }

    /**
     * @param body a message body
     * @return {@code uint32 length + body}, positioned at 0, read-only
     */
    public static ByteBuffer frame(byte[] body) {
        ByteBuffer out = ByteBuffer.allocate(4 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(body.length).put(body);
        return out.flip().asReadOnlyBuffer();
    }

    /**
     * @param channel a blocking channel
     * @param buffers written completely, in order
     * @throws IOException if the channel fails
     */
    public static void writeFully(WritableByteChannel channel, ByteBuffer... buffers) throws IOException {
        for (ByteBuffer b : buffers) {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }
    }
}

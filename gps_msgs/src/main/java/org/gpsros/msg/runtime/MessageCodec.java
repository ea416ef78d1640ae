package org.gpsros.msg.runtime;

/**
 * The wire codec of one message type; generated code implements it, {@link MessageType} is its public face.
 *
 * @param <T> the message class
 */
public interface MessageCodec<T extends Message> {
    /**
     * @param message a message
     * @return its serialised size in bytes
     * @throws IllegalArgumentException if a string cannot be encoded as UTF-8 (an unpaired surrogate)
     */
    long wireSize(T message);

    /**
     * Writes the message's fields.
     *
     * @param message the message
     * @param out     the writer, with at least {@link #wireSize} bytes of room. Modified.
     */
    void write(T message, MessageWriter out);

    /**
     * Reads the message's fields.
     *
     * @param in the reader, positioned at the message. Modified.
     * @return the message
     * @throws MessageDecodingException if the input is truncated, malformed or over the size limit
     */
    T read(MessageReader in);

    /** @return the message with every field at its default (zero, false, empty, fixed arrays of defaults) */
    T defaultValue();
}

package org.gpsros.msg.runtime;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Descriptor of a ROS message type: its ROS name, md5 sum and full definition text (genmsg's, as sent in the
 * TCPROS {@code message_definition} header) and its wire codec. Generated classes expose theirs as {@code TYPE}.
 *
 * <p>Thread-safe and immutable; the codec keeps no state.
 *
 * @param <T> the message class
 */
public final class MessageType<T extends Message> {
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private final String name;
    private final String md5;
    private final String definition;
    private final List<MessageField> fields;
    private final Class<T> javaClass;
    private final MessageCodec<T> codec;

    private MessageType(String name, String md5, String definition, List<MessageField> fields, Class<T> javaClass,
            MessageCodec<T> codec) {
        this.name = Objects.requireNonNull(name, "name");
        this.md5 = Objects.requireNonNull(md5, "md5");
        this.definition = Objects.requireNonNull(definition, "definition");
        this.fields = List.copyOf(fields);
        this.javaClass = Objects.requireNonNull(javaClass, "javaClass");
        this.codec = Objects.requireNonNull(codec, "codec");
        if (name.indexOf('/') <= 0) {
            throw new IllegalArgumentException("name must be pkg/Name, got " + name);
        }
        if (!MD5.matcher(md5).matches()) {
            throw new IllegalArgumentException("md5 must be 32 lower-case hex digits, got " + md5);
        }
    }

    /**
     * @param name       ROS type name {@code pkg/Name}
     * @param md5        md5 sum (32 lower-case hex digits)
     * @param definition full definition text
     * @param fields     the fields in declaration order
     * @param javaClass  the message class
     * @param codec      the wire codec
     * @param <T>        the message class
     * @return the descriptor
     */
    public static <T extends Message> MessageType<T> of(String name, String md5, String definition,
            List<MessageField> fields, Class<T> javaClass, MessageCodec<T> codec) {
        return new MessageType<>(name, md5, definition, fields, javaClass, codec);
    }

    /** @return the ROS type name, e.g. {@code gps_msgs/TrialCommand} */
    public String name() {
        return name;
    }

    /** @return the md5 sum, 32 lower-case hex digits */
    public String md5() {
        return md5;
    }

    /** @return genmsg's full definition text: the type's text, then each dependency after an 80 '=' line */
    public String definition() {
        return definition;
    }

    /** @return the fields in declaration order (the order of the record components and of the wire format) */
    public List<MessageField> fields() {
        return fields;
    }

    /** @return the Java class of the messages */
    public Class<T> javaClass() {
        return javaClass;
    }

    /** @return a message with every field at its default (zero, false, empty) */
    public T defaultValue() {
        return codec.defaultValue();
    }

    /**
     * @param message a message
     * @return its serialised size in bytes, as a long (for nested sizes)
     */
    public long wireSize(T message) {
        return codec.wireSize(message);
    }

    /**
     * @param message a message
     * @return its serialised size in bytes
     * @throws IllegalArgumentException if the message is too large for one Java array, or a string cannot be
     *                                  encoded as UTF-8
     */
    public int serializedSize(T message) {
        long size = codec.wireSize(message);
        if (size > MAX_ARRAY_BYTES) {
            throw new IllegalArgumentException(name + ": message of " + size + " bytes is too large to serialise");
        }
        return (int) size;
    }

    /**
     * @param message a message
     * @return its serialised bytes
     */
    public byte[] serialize(T message) {
        byte[] out = new byte[serializedSize(message)];
        serialize(message, ByteBuffer.wrap(out));
        return out;
    }

    /**
     * Serialises a message into a buffer at its position and advances the position by the size written.
     *
     * @param message a message
     * @param target  the buffer; needs {@link #serializedSize} bytes remaining. Modified.
     * @throws IllegalArgumentException if the buffer has too little room
     */
    public void serialize(T message, ByteBuffer target) {
        int size = serializedSize(message);
        if (target.remaining() < size) {
            throw new IllegalArgumentException(name + ": message needs " + size + " bytes but the buffer has "
                    + target.remaining());
        }
        MessageWriter writer = new MessageWriter(target);
        codec.write(message, writer);
        if (writer.position() != size) {
            throw new IllegalStateException(name + ": codec wrote " + writer.position() + " bytes, expected " + size);
        }
        target.position(target.position() + size);
    }

    /**
     * Writes a message as a field of an enclosing message; generated code calls this.
     *
     * @param message the message
     * @param out     the writer. Modified.
     */
    public void write(T message, MessageWriter out) {
        codec.write(message, out);
    }

    /**
     * Reads a message as a field of an enclosing message; generated code calls this.
     *
     * @param in the reader. Modified.
     * @return the message
     */
    public T read(MessageReader in) {
        return codec.read(in);
    }

    /**
     * Deserialises exactly one message with the {@link DecodeLimits#DEFAULT default limits}.
     *
     * @param data the serialised bytes, all of them
     * @return the message
     * @throws MessageDecodingException if the bytes are not exactly one valid message
     */
    public T deserialize(byte[] data) {
        return deserialize(ByteBuffer.wrap(data), DecodeLimits.DEFAULT);
    }

    /**
     * Deserialises exactly one message.
     *
     * @param data   the serialised bytes, all of them
     * @param limits the size limits
     * @return the message
     * @throws MessageDecodingException if the bytes are not exactly one valid message
     */
    public T deserialize(byte[] data, DecodeLimits limits) {
        return deserialize(ByteBuffer.wrap(data), limits);
    }

    /**
     * Deserialises exactly one message from the remaining bytes of a buffer with the default limits.
     *
     * @param data the bytes from its position to its limit; on success its position is moved to its limit
     * @return the message
     * @throws MessageDecodingException if the bytes are not exactly one valid message
     */
    public T deserialize(ByteBuffer data) {
        return deserialize(data, DecodeLimits.DEFAULT);
    }

    /**
     * Deserialises exactly one message from the remaining bytes of a buffer.
     *
     * @param data   the bytes from its position to its limit; on success its position is moved to its limit
     * @param limits the size limits
     * @return the message
     * @throws MessageDecodingException if the bytes are not exactly one valid message
     */
    public T deserialize(ByteBuffer data, DecodeLimits limits) {
        if (data.remaining() > limits.maxLengthBytes()) {
            throw MessageDecodingException.of(MessageDecodingException.Kind.SIZE_LIMIT, name, "", "",
                    "the input has " + data.remaining() + " bytes, more than the limit of " + limits.maxLengthBytes()
                            + " bytes");
        }
        MessageReader reader = new MessageReader(data, limits);
        T message = codec.read(reader);
        if (reader.remaining() != 0) {
            throw MessageDecodingException.of(MessageDecodingException.Kind.TRAILING_BYTES, name, "", "",
                    reader.remaining() + " bytes are left over after the message's " + reader.position() + " bytes");
        }
        data.position(data.limit());
        return message;
    }

    @Override
    public String toString() {
        return name + " (" + md5 + ")";
    }
}

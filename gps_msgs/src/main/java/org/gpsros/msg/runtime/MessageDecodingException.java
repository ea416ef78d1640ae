package org.gpsros.msg.runtime;

import java.util.Objects;

/**
 * Bytes that are not a valid serialised message of the expected type: truncated input, a length prefix over the
 * remaining bytes or over the {@link DecodeLimits}, a string that is not UTF-8, or bytes left over. The message
 * names the message type and the path of the offending field, e.g.
 * {@code gps_msgs/TrialCommand field controller.caffe.net_param (string): ...}.
 */
public final class MessageDecodingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the input. */
    public enum Kind {
        /** The input ends before the message does (a length prefix over the remaining bytes included). */
        TRUNCATED,
        /** A length prefix, or the whole input, is over the configured {@link DecodeLimits}. */
        SIZE_LIMIT,
        /** A string is not valid UTF-8. */
        MALFORMED_UTF8,
        /** Bytes are left over after the message. */
        TRAILING_BYTES
    }

    private final Kind kind;
    private final String messageType;
    private final String fieldPath;
    private final String fieldType;
    private final String detail;

    private MessageDecodingException(Kind kind, String messageType, String fieldPath, String fieldType, String detail) {
        super(describe(messageType, fieldPath, fieldType, detail));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.messageType = Objects.requireNonNull(messageType, "messageType");
        this.fieldPath = Objects.requireNonNull(fieldPath, "fieldPath");
        this.fieldType = Objects.requireNonNull(fieldType, "fieldType");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /**
     * @param kind        what is wrong
     * @param messageType the ROS type being decoded, e.g. {@code gps_msgs/CaffeParams}
     * @param fieldPath   the field, e.g. {@code net_param} or {@code data[3]}; empty for the message as a whole
     * @param fieldType   the ROS type of the field, e.g. {@code string}; empty for the message as a whole
     * @param detail      what was found, e.g. "declares 1000 bytes but only 12 remain"
     * @return the exception
     */
    public static MessageDecodingException of(Kind kind, String messageType, String fieldPath, String fieldType,
            String detail) {
        return new MessageDecodingException(kind, messageType, fieldPath, fieldType, detail);
    }

    /**
     * Re-attributes an error inside a nested message to the enclosing message; generated code calls this.
     *
     * @param outerType  the enclosing message's ROS type
     * @param outerField the field of the enclosing message that holds the nested message
     * @return an exception naming the enclosing type and the longer field path, with this one's stack trace
     */
    public MessageDecodingException within(String outerType, String outerField) {
        String path = fieldPath.isEmpty() ? outerField : outerField + "." + fieldPath;
        MessageDecodingException e = new MessageDecodingException(kind, outerType, path, fieldType, detail);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /**
     * Like {@link #within(String, String)} for an element of an array of messages.
     *
     * @param outerType  the enclosing message's ROS type
     * @param outerField the array field
     * @param index      the element index
     * @return the re-attributed exception
     */
    public MessageDecodingException within(String outerType, String outerField, int index) {
        return within(outerType, outerField + "[" + index + "]");
    }

    /** @return what is wrong */
    public Kind kind() {
        return kind;
    }

    /** @return the ROS type of the outermost message being decoded */
    public String messageType() {
        return messageType;
    }

    /** @return the path of the offending field inside {@link #messageType()}, empty for the message as a whole */
    public String fieldPath() {
        return fieldPath;
    }

    /** @return the ROS type of the offending field, empty for the message as a whole */
    public String fieldType() {
        return fieldType;
    }

    /** @return what was found, without the type and field */
    public String detail() {
        return detail;
    }

    private static String describe(String messageType, String fieldPath, String fieldType, String detail) {
        StringBuilder b = new StringBuilder("cannot decode ").append(messageType);
        if (!fieldPath.isEmpty()) {
            b.append(" field ").append(fieldPath);
            if (!fieldType.isEmpty()) {
                b.append(" (").append(fieldType).append(')');
            }
        }
        return b.append(": ").append(detail).toString();
    }
}

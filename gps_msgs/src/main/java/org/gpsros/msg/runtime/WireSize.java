package org.gpsros.msg.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Serialised sizes and UTF-8 encoding of strings, for generated codecs. */
public final class WireSize {
    private WireSize() {
    }

    /**
     * @return the wire size of a {@code string}: 4 + its UTF-8 length
     * @throws IllegalArgumentException if it has an unpaired surrogate (not encodable as UTF-8)
     */
    public static long string(String value, String type, String field) {
        return 4L + utf8Length(value, type, field);
    }

    /** @return the wire size of the elements of a {@code string[]} (without the array's length prefix) */
    public static long strings(List<String> values, String type, String field) {
        long size = 0;
        for (String value : values) {
            size += string(value, type, field);
        }
        return size;
    }

    /** @return the wire size of the elements of an array of messages (without the array's length prefix) */
    public static <T extends Message> long messages(List<T> values, MessageType<T> elementType) {
        long size = 0;
        for (T value : values) {
            size += elementType.wireSize(value);
        }
        return size;
    }

    /**
     * @return the UTF-8 encoding of a string
     * @throws IllegalArgumentException if it has an unpaired surrogate, naming type and field
     */
    public static byte[] utf8(String value, String type, String field) {
        utf8Length(value, type, field);
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static int utf8Length(String value, String type, String field) {
        int length = 0;
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(type + "." + field + ": the string has an unpaired surrogate at"
                        + " index " + i + " and cannot be encoded as UTF-8");
            } else {
                length += 3;
            }
        }
        return length;
    }
}

package org.gpsros.msg.runtime;

import java.util.List;

/** Short human-readable renderings of field values for the generated {@code toString} methods. */
public final class MessageText {
    /** Arrays longer than this are shown with their first elements and their length only. */
    public static final int MAX_ELEMENTS_SHOWN = 16;

    private MessageText() {
    }

    /** @return the string in double quotes, with quotes, backslashes and control characters escaped */
    public static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** @return the list, strings quoted, at most {@link #MAX_ELEMENTS_SHOWN} elements */
    public static String list(List<?> values) {
        StringBuilder b = new StringBuilder("[");
        int shown = Math.min(values.size(), MAX_ELEMENTS_SHOWN);
        for (int i = 0; i < shown; i++) {
            Object v = values.get(i);
            b.append(i == 0 ? "" : ", ").append(v instanceof String ? quote((String) v) : String.valueOf(v));
        }
        return close(b, values.size(), shown);
    }

    private static String close(StringBuilder b, int length, int shown) {
        if (shown < length) {
            b.append(", ... (").append(length).append(" elements)");
        }
        return b.append(']').toString();
    }

    /** @return the first elements of the array */
    public static String array(boolean[] values) {
        StringBuilder b = new StringBuilder("[");
        int shown = Math.min(values.length, MAX_ELEMENTS_SHOWN);
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return close(b, values.length, shown);
    }

    /** @return the first elements of the array */
    public static String array(byte[] values) {
        StringBuilder b = new StringBuilder("[");
        int shown = Math.min(values.length, MAX_ELEMENTS_SHOWN);
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return close(b, values.length, shown);
    }

    /** @return the first elements of the array */
    public static String array(short[] values) {
        StringBuilder b = new StringBuilder("[");
        int shown = Math.min(values.length, MAX_ELEMENTS_SHOWN);
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return close(b, values.length, shown);
    }

    /** @return the first elements of the array */
    public static String array(int[] values) {
        StringBuilder b = new StringBuilder("[");
        int shown = Math.min(values.length, MAX_ELEMENTS_SHOWN);
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return close(b, values.length, shown);
    }

    /** @return the first elements of the array */
    public static String array(long[] values) {
        StringBuilder b = new StringBuilder("[");
        int shown = Math.min(values.length, MAX_ELEMENTS_SHOWN);
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return close(b, values.length, shown);
    }

    /** @return the first elements of the array */
    public static String array(float[] values) {
        StringBuilder b = new StringBuilder("[");
        int shown = Math.min(values.length, MAX_ELEMENTS_SHOWN);
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return close(b, values.length, shown);
    }

    /** @return the first elements of the array */
    public static String array(double[] values) {
        StringBuilder b = new StringBuilder("[");
        int shown = Math.min(values.length, MAX_ELEMENTS_SHOWN);
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return close(b, values.length, shown);
    }
}

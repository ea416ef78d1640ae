package org.gpsros.msg.runtime;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/** Argument checks for the constructors of generated message records. */
public final class FieldChecks {
    private FieldChecks() {
    }

    /**
     * @return an unmodifiable copy of the list
     * @throws NullPointerException naming type and field if the list or an element is null
     */
    public static <T> List<T> immutableList(List<T> values, String type, String field) {
        if (values == null) {
            throw new NullPointerException(type + "." + field + " must not be null");
        }
        if (values instanceof RepeatedList) {
            return values;
        }
        for (int i = 0, n = values.size(); i < n; i++) {
            if (values.get(i) == null) {
                throw new NullPointerException(type + "." + field + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(values);
    }

    /**
     * Checks the length of a fixed-length array field ({@code T[N]}).
     *
     * @throws IllegalArgumentException naming type and field if {@code length != expected}
     */
    public static void requireLength(int length, int expected, String type, String field) {
        if (length != expected) {
            throw new IllegalArgumentException(type + "." + field + " must have exactly " + expected
                    + " elements, got " + length);
        }
    }

    /** @return a list of {@code count} values from the supplier (defaults of fixed-length message arrays) */
    public static <T> List<T> repeat(int count, Supplier<T> supplier) {
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(supplier.get());
        }
        return out;
    }

    /**
     * An unmodifiable list of one value repeated, without storage per element: decoded arrays of messages that
     * have no content on the wire cost no memory per declared element.
     *
     * @param count the size
     * @param value the element (not null)
     * @return the list
     */
    public static <T> List<T> repeatedList(int count, T value) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (value == null) {
            throw new NullPointerException("value must not be null");
        }
        return new RepeatedList<>(count, value);
    }

    private static final class RepeatedList<T> extends AbstractList<T> implements RandomAccess {
        private final int size;
        private final T value;

        RepeatedList(int size, T value) {
            this.size = size;
            this.value = value;
        }

        @Override
        public T get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("index " + index + ", size " + size);
            }
            return value;
        }

        @Override
        public int size() {
            return size;
        }
    }
}

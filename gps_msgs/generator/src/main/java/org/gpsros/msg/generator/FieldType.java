package org.gpsros.msg.generator;

import java.util.Objects;
import java.util.Optional;

/**
 * The type of one field: a builtin or a message type ({@code pkg/Name}), optionally an array.
 *
 * @param written   the type as genmsg stores it (builtins as written in the file, e.g. {@code char[3]}; message
 *                  types resolved to {@code pkg/Name} plus the array suffix); this is what the md5 text uses
 * @param baseType  the element type: a builtin name or a full message type name {@code pkg/Name}
 * @param builtin   the builtin element type, empty for message types
 * @param array     true for {@code T[]} and {@code T[N]}
 * @param fixedLength N for {@code T[N]}, -1 for a scalar or a variable-length array
 */
public record FieldType(String written, String baseType, Optional<BuiltinType> builtin, boolean array,
        int fixedLength) {

    /** Validates the components. */
    public FieldType {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(baseType, "baseType");
        Objects.requireNonNull(builtin, "builtin");
        if (!array && fixedLength != -1) {
            throw new IllegalArgumentException("fixedLength must be -1 for a scalar, got " + fixedLength);
        }
        if (fixedLength < -1) {
            throw new IllegalArgumentException("fixedLength must be >= -1, got " + fixedLength);
        }
    }

    /** @return true for {@code T[]} */
    public boolean isVariableArray() {
        return array && fixedLength < 0;
    }

    /** @return true for {@code T[N]} */
    public boolean isFixedArray() {
        return array && fixedLength >= 0;
    }

    /** @return true when the element type is a message type */
    public boolean isMessage() {
        return builtin.isEmpty();
    }
}

package org.gpsros.msg.generator;

import java.util.Objects;

/**
 * A constant declared in a message, e.g. {@code uint8 JOINT_SPACE=1}.
 *
 * @param type      the builtin type
 * @param name      the name exactly as genmsg extracts it (used verbatim in the md5 text)
 * @param valueText the value as genmsg keeps it for the md5 text ({@code val.strip()})
 * @param value     the converted value: Boolean, a BigInteger (integer types), Double (float types) or String
 * @param comment   the comment on the declaration's line and the comment-only lines after it (may be empty)
 */
public record Constant(BuiltinType type, String name, String valueText, Object value, String comment) {
    /** Validates the components. */
    public Constant {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueText, "valueText");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(comment, "comment");
    }
}

package org.gpsros.msg.generator;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ROS 1 builtin field types (genmsg {@code BUILTIN_TYPES}) with their wire size and Java mapping.
 *
 * <p>Unsigned integers map to the Java type of the same width (two's complement bit pattern, as rosjava does);
 * {@code byte} is the deprecated alias of {@code int8}, {@code char} of {@code uint8}.
 */
public enum BuiltinType {
    BOOL("bool", 1, "boolean", "Boolean", false),
    INT8("int8", 1, "byte", "Byte", false),
    UINT8("uint8", 1, "byte", "Byte", true),
    BYTE("byte", 1, "byte", "Byte", false),
    CHAR("char", 1, "byte", "Byte", true),
    INT16("int16", 2, "short", "Short", false),
    UINT16("uint16", 2, "short", "Short", true),
    INT32("int32", 4, "int", "Int", false),
    UINT32("uint32", 4, "int", "Int", true),
    INT64("int64", 8, "long", "Long", false),
    UINT64("uint64", 8, "long", "Long", true),
    FLOAT32("float32", 4, "float", "Float", false),
    FLOAT64("float64", 8, "double", "Double", false),
    STRING("string", 4, "java.lang.String", "String", false),
    TIME("time", 8, "org.gpsros.msg.runtime.Time", "Time", false),
    DURATION("duration", 8, "org.gpsros.msg.runtime.Duration", "Duration", false);

    private final String rosName;
    private final int minWireSize;
    private final String javaType;
    private final String codecSuffix;
    private final boolean unsigned;

    BuiltinType(String rosName, int minWireSize, String javaType, String codecSuffix, boolean unsigned) {
        this.rosName = rosName;
        this.minWireSize = minWireSize;
        this.javaType = javaType;
        this.codecSuffix = codecSuffix;
        this.unsigned = unsigned;
    }

    /** @return the name as written in {@code .msg} files */
    public String rosName() {
        return rosName;
    }

    /** @return bytes on the wire; for {@code string} the size of an empty string (its length prefix) */
    public int minWireSize() {
        return minWireSize;
    }

    /** @return true when every value has the same wire size (everything but {@code string}) */
    public boolean isFixedSize() {
        return this != STRING;
    }

    /** @return true for the Java primitive types (arrays of them are Java primitive arrays) */
    public boolean isJavaPrimitive() {
        return this != STRING && this != TIME && this != DURATION;
    }

    /** @return the Java type of a scalar field, fully qualified for reference types */
    public String javaType() {
        return javaType;
    }

    /** @return the suffix of the MessageReader/MessageWriter methods for this type, e.g. "Double" */
    public String codecSuffix() {
        return codecSuffix;
    }

    /** @return true for the unsigned integer types (uint8..uint64, char) */
    public boolean isUnsigned() {
        return unsigned;
    }

    /** @return true for types a constant may have (genmsg {@code PRIMITIVE_TYPES}: not time or duration) */
    public boolean isConstantType() {
        return this != TIME && this != DURATION;
    }

    /**
     * @param rosName a bare type name such as {@code float64}
     * @return the builtin type of that name, if it is one
     */
    public static Optional<BuiltinType> of(String rosName) {
        return Arrays.stream(values()).filter(b -> b.rosName.equals(rosName)).findFirst();
    }
}

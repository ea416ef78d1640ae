package org.gpsros.msg.runtime;

import java.util.Objects;

/**
 * Description of one field of a message type, in declaration order (the order of the record components).
 *
 * @param name     the ROS field name
 * @param type     the ROS type as genmsg resolves it: builtins as written ({@code float64[3]}, {@code char}),
 *                 message types as {@code pkg/Name} plus any array suffix ({@code std_msgs/Header},
 *                 {@code gps_msgs/DataType[]})
 * @param javaName the name of the record component (the ROS name, with {@code _} appended where it would clash
 *                 with a Java keyword or a generated member)
 */
public record MessageField(String name, String type, String javaName) {
    /** Validates the components. */
    public MessageField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(javaName, "javaName");
    }

    /** @return the element type: the type without its array suffix */
    public String baseType() {
        int bracket = type.indexOf('[');
        return bracket < 0 ? type : type.substring(0, bracket);
    }

    /** @return true for {@code T[]} and {@code T[N]} */
    public boolean isArray() {
        return type.indexOf('[') >= 0;
    }

    /** @return N for a fixed-length array {@code T[N]}, -1 otherwise */
    public int fixedLength() {
        int bracket = type.indexOf('[');
        if (bracket < 0 || type.endsWith("[]")) {
            return -1;
        }
        return Integer.parseInt(type.substring(bracket + 1, type.length() - 1));
    }
}

package org.gpsros.msg.generator;

import java.util.Objects;

/**
 * One field of a message.
 *
 * @param type    the field type
 * @param name    the ROS field name as written
 * @param comment the comment on the declaration's line and the comment-only lines right after it (may be empty)
 */
public record Field(FieldType type, String name, String comment) {
    /** Validates the components. */
    public Field {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(comment, "comment");
    }
}

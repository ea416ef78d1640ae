package org.gpsros.msg.generator;

import java.util.List;
import java.util.Objects;

/**
 * A parsed message definition (genmsg {@code MsgSpec}).
 *
 * @param fullName  {@code pkg/Name}
 * @param fields    fields in declaration order
 * @param constants constants in declaration order
 * @param text      the raw definition text (the file contents, or one half of a {@code .srv} as genmsg splits it)
 * @param source    where the definition came from, for error messages
 * @param description the comment lines before the first declaration (may be empty)
 */
public record MsgSpec(String fullName, List<Field> fields, List<Constant> constants, String text, String source,
        String description) {
    /** Validates and copies the components. */
    public MsgSpec {
        Objects.requireNonNull(fullName, "fullName");
        fields = List.copyOf(fields);
        constants = List.copyOf(constants);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(description, "description");
    }

    /** @return the package part of the full name */
    public String packageName() {
        return fullName.substring(0, fullName.indexOf('/'));
    }

    /** @return the name part of the full name */
    public String shortName() {
        return fullName.substring(fullName.indexOf('/') + 1);
    }
}

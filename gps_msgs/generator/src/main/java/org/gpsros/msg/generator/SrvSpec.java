package org.gpsros.msg.generator;

import java.util.Objects;

/**
 * A parsed service definition: its request and response messages ({@code pkg/NameRequest},
 * {@code pkg/NameResponse}).
 *
 * @param fullName {@code pkg/Name}
 * @param request  the request message
 * @param response the response message
 * @param text     the raw {@code .srv} text
 * @param source   where the definition came from, for error messages
 */
public record SrvSpec(String fullName, MsgSpec request, MsgSpec response, String text, String source) {
    /** Validates the components. */
    public SrvSpec {
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
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

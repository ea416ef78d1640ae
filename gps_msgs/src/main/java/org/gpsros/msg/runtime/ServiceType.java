package org.gpsros.msg.runtime;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Descriptor of a ROS service type: its name, its md5 sum (MD5 of the request's md5 text followed by the
 * response's) and its request and response message types. Generated service classes expose theirs as {@code TYPE}.
 *
 * @param name     ROS type name, e.g. {@code gps_msgs/ResetCondition}
 * @param md5      md5 sum, 32 lower-case hex digits
 * @param request  the request message type ({@code pkg/NameRequest})
 * @param response the response message type ({@code pkg/NameResponse})
 * @param <Q>      the request class
 * @param <R>      the response class
 */
public record ServiceType<Q extends Message, R extends Message>(String name, String md5, MessageType<Q> request,
        MessageType<R> response) {
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

    /** Validates the components. */
    public ServiceType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(md5, "md5");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        if (!MD5.matcher(md5).matches()) {
            throw new IllegalArgumentException("md5 must be 32 lower-case hex digits, got " + md5);
        }
    }

    @Override
    public String toString() {
        return name + " (" + md5 + ")";
    }
}

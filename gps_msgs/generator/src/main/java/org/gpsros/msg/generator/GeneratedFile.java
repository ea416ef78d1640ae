package org.gpsros.msg.generator;

import java.util.Objects;

/**
 * One generated Java source file.
 *
 * @param relativePath path below the output folder, e.g. {@code org/gpsros/msg/gps_msgs/TrialCommand.java}
 * @param content      the source text
 */
public record GeneratedFile(String relativePath, String content) {
    /** Validates the components. */
    public GeneratedFile {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(content, "content");
    }
}

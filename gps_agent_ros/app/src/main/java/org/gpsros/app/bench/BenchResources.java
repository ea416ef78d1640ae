package org.gpsros.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shipped configs the benchmarks use, read from the classpath (the build copies {@code config/} there). */
final class BenchResources {
    private BenchResources() {
    }

    static String armConfig() {
        return read("/config/box2d_arm.yaml");
    }

    static String read(String resource) {
        try (InputStream in = BenchResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " (rebuild the project)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.gpsros.ros.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the captured wire fixtures in src/test/resources/fixtures (see its README.md for their provenance). */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * @param name file name
     * @return its bytes
     */
    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

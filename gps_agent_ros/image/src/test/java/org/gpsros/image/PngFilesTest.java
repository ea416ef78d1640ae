package org.gpsros.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngFilesTest {

    @Test
    void roundTripIsLossless(@TempDir Path dir) throws IOException {
        byte[] rgb = new byte[7 * 5 * 3];
        new Random(3).nextBytes(rgb);
        RgbFrame frame = new RgbFrame(7, 5, rgb);
        Path file = dir.resolve("sub/frame.png");
        PngFiles.write(frame, file);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(frame, PngFiles.read(file));
    }

    @Test
    void notAnImageIsAnIoErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("junk.png");
        Files.writeString(file, "not a png");
        IOException e = assertThrows(IOException.class, () -> PngFiles.read(file));
        assertTrue(e.getMessage().contains("junk.png"), e.getMessage());
    }
}

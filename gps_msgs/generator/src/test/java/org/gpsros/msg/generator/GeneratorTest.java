package org.gpsros.msg.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: generates one file per type, rewrites only changes, never writes into foreign folders. */
class GeneratorTest {
    @TempDir
    Path dir;

    private Path pkg() throws IOException {
        Path p = dir.resolve("src/demo");
        Files.createDirectories(p.resolve("msg"));
        Files.createDirectories(p.resolve("srv"));
        Files.writeString(p.resolve("msg/Pose.msg"), "float64 x\nfloat64 y\n");
        Files.writeString(p.resolve("srv/Go.srv"), "Pose target\n---\nbool ok\n");
        return p;
    }

    @Test
    void generatesMessagesServicesPackageInfoAndCatalog() throws IOException {
        List<GeneratedFile> files = Generator.generate(Map.of("demo", pkg()), Map.of(), "org.example",
                "org.example.Catalog");
        assertEquals(List.of("org/example/Catalog.java", "org/example/demo/Go.java", "org/example/demo/GoRequest.java",
                "org/example/demo/GoResponse.java", "org/example/demo/Pose.java", "org/example/demo/package-info.java"),
                files.stream().map(GeneratedFile::relativePath).toList());
    }

    @Test
    void writesOnlyChangesAndDeletesStaleFiles() throws IOException {
        Path out = dir.resolve("out");
        assertEquals("5 files for [demo] in " + out + " (5 changed)",
                Generator.run(new String[] {"--output", out.toString(), "--package", "demo=" + pkg()}));
        Path pose = out.resolve("org/gpsros/msg/demo/Pose.java");
        assertTrue(Files.exists(pose));
        Path stale = out.resolve("org/gpsros/msg/demo/Old.java");
        Files.writeString(stale, "// from an earlier run");
        List<GeneratedFile> files = Generator.generate(Map.of("demo", dir.resolve("src/demo")), Map.of(),
                "org.gpsros.msg", null);
        assertEquals(0, Generator.write(out, files));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(pose));
    }

    @Test
    void refusesAForeignNonEmptyFolder() throws IOException {
        Path foreign = dir.resolve("src/main/java");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("Keep.java"), "class Keep {}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Generator.run(new String[] {"--output", foreign.toString(), "--package", "demo=" + pkg()}));
        assertTrue(e.getMessage().contains("refusing to write into it"), e.getMessage());
        assertTrue(Files.exists(foreign.resolve("Keep.java")));
    }

    @Test
    void reportsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Generator.run(new String[] {"--output"}));
        assertThrows(IllegalArgumentException.class, () -> Generator.run(new String[] {"--bogus", "x"}));
        assertThrows(IllegalArgumentException.class,
                () -> Generator.run(new String[] {"--output", "x", "--package", "nodir"}));
        MsgSpecException e = assertThrows(MsgSpecException.class, () -> Generator.run(
                new String[] {"--output", dir.resolve("o").toString(), "--package", "demo=" + dir.resolve("none")}));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}

package org.gpsros.msg.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * md5 sums, md5 texts and full texts against values computed by python3-genmsg 0.6.0 (Debian) from the same
 * definitions (genmsg.gentools.compute_md5 / compute_md5_text / compute_full_text, run once by hand).
 */
class MsgContextTest {
    static final String A = "# leading comment\nint32 x   # c\nB b\nB[] bs\nHeader h\nstring S=  a # b = c  \n"
            + "uint8 U=7 # seven\n";
    static final String B = "string s\nuint8[3] u\ntime t\n";
    static final String C = "B req # r\n---x\nA[] res\n\n";
    static final String HEADER = "# Standard metadata for time-stamped data in a coordinate frame.\n"
            + "uint32 seq          # sequence number, increasing per publisher\n"
            + "time stamp          # acquisition time\n"
            + "string frame_id     # coordinate frame of the data\n";
    static final String SEPARATOR = "\n" + "=".repeat(80) + "\n";

    @TempDir
    Path dir;
    MsgContext context;

    @BeforeEach
    void load() throws IOException {
        write("p/msg/A.msg", A);
        write("p/msg/B.msg", B);
        write("p/srv/C.srv", C);
        write("std_msgs/msg/Header.msg", HEADER);
        context = new MsgContext();
        assertEquals(List.of("std_msgs/Header"), context.loadPackage("std_msgs", dir.resolve("std_msgs")));
        assertEquals(List.of("p/A", "p/B", "p/C"), context.loadPackage("p", dir.resolve("p")));
        context.validate();
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void md5MatchesGenmsg() {
        assertEquals("b50aae953c7f1ffd196a9d6f4f2705cd", context.md5("p/B"));
        assertEquals("4f58e45fc47c34a5b955b69966202e5b", context.md5("p/A"));
        assertEquals("2176decaecbce78abc3b96ef049fabed", context.md5("std_msgs/Header"));
        assertEquals("db9d573440a248cc20b015c6dd2958ee", context.md5("p/CRequest"));
        assertEquals("78f7b9622b18d2960eefce2ef57809bc", context.md5("p/CResponse"));
        assertEquals("faa5ba4127d1548099e6b09608c0e033", context.serviceMd5("p/C"));
    }

    @Test
    void md5TextMatchesGenmsg() {
        assertEquals("string S=a # b = c\nuint8 U=7\nint32 x\nb50aae953c7f1ffd196a9d6f4f2705cd b\n"
                + "b50aae953c7f1ffd196a9d6f4f2705cd bs\n2176decaecbce78abc3b96ef049fabed h", context.md5Text("p/A"));
        assertEquals("string s\nuint8[3] u\ntime t", context.md5Text("p/B"));
    }

    @Test
    void fullTextMatchesGenmsg() {
        assertEquals(B, context.fullText("p/B"));
        assertEquals(A + SEPARATOR + "MSG: p/B\n" + B + SEPARATOR + "MSG: std_msgs/Header\n" + HEADER,
                context.fullText("p/A"));
        assertEquals("A[] res\n\n\n" + SEPARATOR + "MSG: p/A\n" + A + SEPARATOR + "MSG: p/B\n" + B + SEPARATOR
                + "MSG: std_msgs/Header\n" + HEADER, context.fullText("p/CResponse"));
        assertEquals(List.of("p/B", "std_msgs/Header"), context.allDependencies("p/A"));
    }

    @Test
    void wireSizes() {
        assertEquals(Optional.empty(), context.fixedWireSize("p/B"));
        assertEquals(4 + 3 + 8, context.minWireSize("p/B"));
        assertEquals(4 + 15 + 4 + (4 + 8 + 4), context.minWireSize("p/A"));
    }

    @Test
    void unknownTypeAndCyclesAreReported() throws IOException {
        write("q/msg/X.msg", "Y y\n");
        MsgContext missing = new MsgContext();
        missing.loadPackage("q", dir.resolve("q"));
        MsgSpecException e = assertThrows(MsgSpecException.class, missing::validate);
        assertTrue(e.getMessage().contains("field 'y' of q/X has type q/Y, which is not defined"), e.getMessage());

        write("q/msg/Y.msg", "X[] xs\n");
        MsgContext cyclic = new MsgContext();
        cyclic.loadPackage("q", dir.resolve("q"));
        e = assertThrows(MsgSpecException.class, cyclic::validate);
        assertTrue(e.getMessage().contains("contains itself"), e.getMessage());
    }

    @Test
    void duplicateTypesAreReported() {
        MsgContext twice = new MsgContext();
        twice.addMessage(MsgParser.parseMsg("int32 x\n", "p/CRequest", "one"));
        MsgSpecException e = assertThrows(MsgSpecException.class,
                () -> twice.addService(MsgParser.parseSrv("int32 x\n---\n", "p/C", "two")));
        assertTrue(e.getMessage().contains("p/CRequest is defined twice"), e.getMessage());
    }
}

package org.gpsros.msg.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser follows genmsg 0.6's msg_loader rules (expected values from genmsg's behaviour). */
class MsgParserTest {

    private static MsgSpec parse(String text) {
        return MsgParser.parseMsg(text, "p/M", "M.msg");
    }

    @Test
    void fieldsCommentsAndBlankLines() {
        MsgSpec spec = parse("# about M\n# second line\n\nint32 x   # the x\n  float64[]   data  \n"
                + "# continues data? no: blank line before\n\nuint8[4] fixed # four\n# more about fixed\n");
        assertEquals(List.of("x", "data", "fixed"), spec.fields().stream().map(Field::name).toList());
        assertEquals("about M\nsecond line", spec.description());
        assertEquals("the x", spec.fields().get(0).comment());
        assertEquals("four\nmore about fixed", spec.fields().get(2).comment());
        FieldType data = spec.fields().get(1).type();
        assertTrue(data.isVariableArray());
        assertEquals("float64[]", data.written());
        FieldType fixed = spec.fields().get(2).type();
        assertTrue(fixed.isFixedArray());
        assertEquals(4, fixed.fixedLength());
        assertEquals(BuiltinType.UINT8, fixed.builtin().orElseThrow());
    }

    @Test
    void typeResolution() {
        MsgSpec spec = parse("Header h\nOther o\nother_pkg/Thing[] things\nHeader[] hs\nchar c\nbyte[2] b\n");
        List<FieldType> types = spec.fields().stream().map(Field::type).toList();
        assertEquals("std_msgs/Header", types.get(0).written());
        assertEquals("p/Other", types.get(1).baseType());
        assertEquals("other_pkg/Thing[]", types.get(2).written());
        assertEquals("other_pkg/Thing", types.get(2).baseType());
        // genmsg quirk: only a bare "Header" maps to std_msgs/Header; "Header[]" is the package's own Header
        assertEquals("p/Header[]", types.get(3).written());
        assertEquals("char", types.get(4).written());
        assertEquals("byte[2]", types.get(5).written());
        assertTrue(types.get(1).isMessage());
        assertFalse(types.get(4).isMessage());
    }

    @Test
    void constantsKeepGenmsgValueText() {
        MsgSpec spec = parse("string S=  a # b = c  \nuint8 U = 7 # seven\n  int64   big   =  -9223372036854775808\n"
                + "bool T=True\nbool F=0\nfloat32 X=1.5e3\nstring E=\n");
        List<Constant> c = spec.constants();
        assertEquals(7, c.size());
        assertEquals("S", c.get(0).name());
        assertEquals("a # b = c", c.get(0).valueText());
        assertEquals("a # b = c", c.get(0).value());
        assertEquals("", c.get(0).comment());
        assertEquals("U", c.get(1).name());
        assertEquals("7", c.get(1).valueText());
        assertEquals(BigInteger.valueOf(7), c.get(1).value());
        assertEquals("seven", c.get(1).comment());
        assertEquals(BigInteger.valueOf(Long.MIN_VALUE), c.get(2).value());
        assertEquals(Boolean.TRUE, c.get(3).value());
        assertEquals(Boolean.FALSE, c.get(4).value());
        assertEquals(1500.0, c.get(5).value());
        assertEquals("", c.get(6).value());
        assertTrue(spec.fields().isEmpty());
    }

    @Test
    void serviceSplitsAtFirstDashLineAndKeepsNewlines() {
        SrvSpec srv = MsgParser.parseSrv("B req # r\n---x\nA[] res\n\n", "p/C", "C.srv");
        assertEquals("B req # r\n", srv.request().text());
        assertEquals("A[] res\n\n\n", srv.response().text());
        assertEquals("p/CRequest", srv.request().fullName());
        assertEquals("p/CResponse", srv.response().fullName());
        SrvSpec empty = MsgParser.parseSrv("---\n", "std_srvs/Empty", "Empty.srv");
        assertTrue(empty.request().fields().isEmpty());
        assertTrue(empty.response().fields().isEmpty());
    }

    @Test
    void rejectsWhatGenmsgRejects() {
        assertMessage("M.msg:1: invalid declaration", () -> parse("int32 x y\n"));
        assertMessage("M.msg:1: invalid declaration", () -> parse("int32\tx\n"));
        assertMessage("'2x' is not a legal field name", () -> parse("int32 2x\n"));
        assertMessage("'int32[3' is not a legal field type", () -> parse("int32[3 x\n"));
        assertMessage("only 1-dimensional arrays", () -> parse("int32[2][2] x\n"));
        assertMessage("M.msg:2: duplicate field name 'x'", () -> parse("int32 x\nfloat64 x\n"));
        assertMessage("'time' is not a legal constant type", () -> parse("time T=1\n"));
        assertMessage("out of range for uint8 [0, 255]", () -> parse("uint8 U=256\n"));
        assertMessage("out of range for int8 [-128, 127]", () -> parse("int8 I=-129\n"));
        assertMessage("invalid integer constant value '0x10'", () -> parse("int32 I=0x10\n"));
        assertMessage("invalid bool constant value 'true'", () -> parse("bool B=true\n"));
        assertMessage("invalid constant declaration", () -> parse("int32 A=1=2\n"));
    }

    private static void assertMessage(String expectedPart, org.junit.jupiter.api.function.Executable action) {
        MsgSpecException e = assertThrows(MsgSpecException.class, action);
        assertTrue(e.getMessage().contains(expectedPart), () -> "message was: " + e.getMessage());
    }
}

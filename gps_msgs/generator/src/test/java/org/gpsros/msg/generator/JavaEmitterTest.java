package org.gpsros.msg.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Java naming, escaping and the checks the emitter makes before writing code. */
class JavaEmitterTest {

    @Test
    void reservedAndKeywordNamesGetAnUnderscore() {
        assertEquals("class_", JavaNames.member("class"));
        assertEquals("TYPE_", JavaNames.member("TYPE"));
        assertEquals("hashCode_", JavaNames.member("hashCode"));
        assertEquals("java_", JavaNames.member("java"));
        assertEquals("K_t", JavaNames.member("K_t"));
        assertEquals("k_t", JavaNames.member("k_t"));
        assertTrue(JavaNames.isIdentifier("gps_msgs"));
        assertFalse(JavaNames.isIdentifier("int"));
    }

    @Test
    void literalsEscapeEverythingJavaWouldMisread() {
        assertEquals("\"a\\\"b\\\\u0041\\n\\u00e9\\u0001\"", JavaEmitter.literal("a\"b\\u0041\n\u00e9\u0001"));
        assertEquals("\"x\\n\"\n+ \"y\"", JavaEmitter.multilineLiteral("x\ny", ""));
        assertEquals("\"\"", JavaEmitter.multilineLiteral("", ""));
        assertEquals("a &lt;b&gt; &amp; &#64;c &#92;u0041 *&#47; &#123;&#125;",
                JavaEmitter.javadoc("a <b> & @c \\u0041 */ {}"));
    }

    @Test
    void clashingNamesAreRejectedWithTheFileName() {
        MsgContext context = new MsgContext();
        context.addMessage(MsgParser.parseMsg("int32 class\nint32 class_\n", "p/Clash", "Clash.msg"));
        context.addMessage(MsgParser.parseMsg("int32 x\n", "p/Builder", "Builder.msg"));
        context.addMessage(MsgParser.parseMsg("int32 x\nint32 x=1\n", "p/FieldAndConstant", "FC.msg"));
        context.validate();
        JavaEmitter emitter = new JavaEmitter(context, "org.example");
        MsgSpecException e = assertThrows(MsgSpecException.class,
                () -> emitter.message(context.message("p/Clash").orElseThrow()));
        assertTrue(e.getMessage().startsWith("Clash.msg: field class_ of p/Clash"), e.getMessage());
        e = assertThrows(MsgSpecException.class, () -> emitter.message(context.message("p/Builder").orElseThrow()));
        assertTrue(e.getMessage().contains("may not be named Builder"), e.getMessage());
        e = assertThrows(MsgSpecException.class,
                () -> emitter.message(context.message("p/FieldAndConstant").orElseThrow()));
        assertTrue(e.getMessage().contains("constant x of p/FieldAndConstant"), e.getMessage());
    }

    @Test
    void emitsARecordWithCodecAndDescriptor() {
        MsgContext context = new MsgContext();
        context.addMessage(MsgParser.parseMsg("# A point.\nuint8 RED=200\nfloat64 x # metres\nstring name\n",
                "p/Point", "Point.msg"));
        context.validate();
        String code = new JavaEmitter(context, "org.example").message(context.message("p/Point").orElseThrow())
                .content();
        assertTrue(code.contains("package org.example.p;"));
        assertTrue(code.contains("public record Point("));
        assertTrue(code.contains("public static final byte RED = (byte) -56;"));
        assertTrue(code.contains("\"p/Point\", \"" + context.md5("p/Point") + "\", $DEFINITION,"));
        assertTrue(code.contains("double x = $in.readDouble(\"p/Point\", \"x\");"));
        assertTrue(code.contains("@param x ROS {@code float64 x}: metres"));
    }
}

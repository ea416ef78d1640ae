package org.gpsros.msg.generator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the Java source of message records, service descriptors, package-info files and the catalog.
 *
 * <p>Each message {@code pkg/Name} becomes {@code public record Name(...) implements Message} in package
 * {@code <basePackage>.pkg} with: the ROS constants as {@code public static final} fields; {@code TYPE}, its
 * {@code MessageType} (ROS name, md5, full definition, codec); a compact constructor that rejects nulls and wrong
 * fixed-array lengths and copies lists into unmodifiable ones (primitive arrays are NOT copied: the message owns
 * the arrays it is given); a {@code Builder}; value-based {@code equals}/{@code hashCode} (arrays by content) and
 * a readable {@code toString}. Java types: {@code bool} boolean, {@code int8/uint8/byte/char} byte,
 * {@code int16/uint16} short, {@code int32/uint32} int, {@code int64/uint64} long, {@code float32} float,
 * {@code float64} double, {@code string} String, {@code time}/{@code duration} the runtime's Time/Duration;
 * arrays of those primitives are Java arrays, arrays of strings, times, durations and messages are {@code List}s.
 * All references in generated code are fully qualified, so ROS types named like {@code String} cannot clash.
 */
public final class JavaEmitter {
    private static final String RT = "org.gpsros.msg.runtime.";
    private static final String GENERATOR = "org.gpsros.msg.generator.Generator";

    private final MsgContext context;
    private final String basePackage;

    /**
     * @param context     the loaded definitions (validated)
     * @param basePackage the Java package under which each ROS package gets its own, e.g. {@code org.gpsros.msg}
     */
    public JavaEmitter(MsgContext context, String basePackage) {
        this.context = context;
        this.basePackage = basePackage;
    }

    /** @return the fully qualified Java class of a message or service type {@code pkg/Name} */
    public String javaClass(String fullName) {
        int slash = fullName.indexOf('/');
        return JavaNames.javaPackage(basePackage, fullName.substring(0, slash)) + "." + fullName.substring(slash + 1);
    }

    private String path(String fullName) {
        return javaClass(fullName).replace('.', '/') + ".java";
    }

    // ------------------------------------------------------------------------------------------ field model

    private enum Kind {
        PRIMITIVE, STRING, TIME, MESSAGE, PRIMITIVE_ARRAY, BUILTIN_LIST, MESSAGE_LIST
    }

    /** One field with everything the emitter needs to know about it. */
    private final class F {
        final Field field;
        final String name;
        final FieldType type;
        final Kind kind;
        final Optional<BuiltinType> builtin;
        final String rosTypeName;
        final String owner;

        F(Field field, String javaName, String owner) {
            this.field = field;
            this.name = javaName;
            this.type = field.type();
            this.builtin = type.builtin();
            this.owner = owner;
            this.rosTypeName = type.written();
            if (type.array()) {
                if (type.isMessage()) {
                    kind = Kind.MESSAGE_LIST;
                } else if (builtin.orElseThrow().isJavaPrimitive()) {
                    kind = Kind.PRIMITIVE_ARRAY;
                } else {
                    kind = Kind.BUILTIN_LIST;
                }
            } else if (type.isMessage()) {
                kind = Kind.MESSAGE;
            } else if (builtin.orElseThrow() == BuiltinType.STRING) {
                kind = Kind.STRING;
            } else if (builtin.orElseThrow().isJavaPrimitive()) {
                kind = Kind.PRIMITIVE;
            } else {
                kind = Kind.TIME;
            }
        }

        BuiltinType b() {
            return builtin.orElseThrow();
        }

        String elementClass() {
            return type.isMessage() ? javaClass(type.baseType()) : b().javaType();
        }

        String elementTypeDescriptor() {
            return elementClass() + ".TYPE";
        }

        String javaType() {
            switch (kind) {
                case PRIMITIVE_ARRAY:
                    return b().javaType() + "[]";
                case BUILTIN_LIST:
                case MESSAGE_LIST:
                    return "java.util.List<" + elementClass() + ">";
                default:
                    return elementClass();
            }
        }

        boolean fixed() {
            return type.isFixedArray();
        }

        int length() {
            return type.fixedLength();
        }

        String q(String s) {
            return literal(s);
        }

        String defaultValue() {
            switch (kind) {
                case PRIMITIVE:
                    return primitiveZero(b());
                case STRING:
                    return "\"\"";
                case TIME:
                    return b().javaType() + ".ZERO";
                case MESSAGE:
                    return elementTypeDescriptor() + ".defaultValue()";
                case PRIMITIVE_ARRAY:
                    return "new " + b().javaType() + "[" + (fixed() ? length() : 0) + "]";
                case BUILTIN_LIST:
                    if (!fixed()) {
                        return "java.util.List.of()";
                    }
                    return "java.util.Collections.nCopies(" + length() + ", "
                            + (b() == BuiltinType.STRING ? "\"\"" : b().javaType() + ".ZERO") + ")";
                default:
                    if (!fixed()) {
                        return "java.util.List.of()";
                    }
                    return RT + "FieldChecks.repeat(" + length() + ", " + elementTypeDescriptor() + "::defaultValue)";
            }
        }

        /** Constructor checks; may reassign the parameter. */
        void checks(Out o) {
            switch (kind) {
                case PRIMITIVE:
                    return;
                case BUILTIN_LIST:
                case MESSAGE_LIST:
                    o.line(name + " = " + RT + "FieldChecks.immutableList(" + name + ", " + q(owner) + ", "
                            + q(field.name()) + ");");
                    if (fixed()) {
                        o.line(RT + "FieldChecks.requireLength(" + name + ".size(), " + length() + ", " + q(owner)
                                + ", " + q(field.name()) + ");");
                    }
                    return;
                default:
                    o.line("java.util.Objects.requireNonNull(" + name + ", " + q(owner + "." + field.name()
                            + " must not be null") + ");");
                    if (kind == Kind.PRIMITIVE_ARRAY && fixed()) {
                        o.line(RT + "FieldChecks.requireLength(" + name + ".length, " + length() + ", " + q(owner)
                                + ", " + q(field.name()) + ");");
                    }
            }
        }

        /** @return the constant part of the wire size, or -1 if the size depends on the value */
        long constantSize() {
            switch (kind) {
                case PRIMITIVE:
                case TIME:
                    return b().minWireSize();
                case STRING:
                    return -1;
                case MESSAGE:
                    return context.fixedWireSize(type.baseType()).orElse(-1L);
                case PRIMITIVE_ARRAY:
                    return fixed() ? (long) length() * b().minWireSize() : -1;
                case BUILTIN_LIST:
                    return fixed() && b() != BuiltinType.STRING ? (long) length() * b().minWireSize() : -1;
                default:
                    if (!fixed()) {
                        return -1;
                    }
                    Optional<Long> element = context.fixedWireSize(type.baseType());
                    return element.isPresent() ? element.get() * length() : -1;
            }
        }

        /** @return the size expression (long) when the size depends on the value */
        String sizeExpression() {
            String v = "$m." + name;
            switch (kind) {
                case STRING:
                    return RT + "WireSize.string(" + v + ", " + q(owner) + ", " + q(field.name()) + ")";
                case MESSAGE:
                    return elementTypeDescriptor() + ".wireSize(" + v + ")";
                case PRIMITIVE_ARRAY:
                    return "4L + (long) " + v + ".length * " + b().minWireSize();
                case BUILTIN_LIST: {
                    String prefix = fixed() ? "" : "4L + ";
                    if (b() == BuiltinType.STRING) {
                        return prefix + RT + "WireSize.strings(" + v + ", " + q(owner) + ", " + q(field.name()) + ")";
                    }
                    return prefix + "8L * " + v + ".size()";
                }
                case MESSAGE_LIST: {
                    String prefix = fixed() ? "" : "4L + ";
                    Optional<Long> element = context.fixedWireSize(type.baseType());
                    if (element.isPresent()) {
                        return prefix + element.get() + "L * " + v + ".size()";
                    }
                    return prefix + RT + "WireSize.messages(" + v + ", " + elementTypeDescriptor() + ")";
                }
                default:
                    throw new IllegalStateException(kind.toString());
            }
        }

        void write(Out o) {
            String v = "$m." + name;
            switch (kind) {
                case PRIMITIVE:
                    o.line("$out.write" + b().codecSuffix() + "(" + v + ");");
                    return;
                case STRING:
                    o.line("$out.writeString(" + v + ", " + q(owner) + ", " + q(field.name()) + ");");
                    return;
                case TIME:
                    o.line("$out.write" + b().codecSuffix() + "(" + v + ");");
                    return;
                case MESSAGE:
                    o.line(elementTypeDescriptor() + ".write(" + v + ", $out);");
                    return;
                case PRIMITIVE_ARRAY:
                    if (!fixed()) {
                        o.line("$out.writeCount(" + v + ".length);");
                    }
                    o.line("$out.write" + b().codecSuffix() + "s(" + v + ");");
                    return;
                case BUILTIN_LIST:
                    if (!fixed()) {
                        o.line("$out.writeCount(" + v + ".size());");
                    }
                    if (b() == BuiltinType.STRING) {
                        o.line("$out.writeStrings(" + v + ", " + q(owner) + ", " + q(field.name()) + ");");
                    } else {
                        o.line("$out.write" + b().codecSuffix() + "s(" + v + ");");
                    }
                    return;
                default:
                    if (!fixed()) {
                        o.line("$out.writeCount(" + v + ".size());");
                    }
                    o.line("for (" + elementClass() + " $e : " + v + ") {");
                    o.line("    " + elementTypeDescriptor() + ".write($e, $out);");
                    o.line("}");
            }
        }

        void read(Out o) {
            String args = q(owner) + ", " + q(field.name());
            switch (kind) {
                case PRIMITIVE:
                case TIME:
                    o.line(javaType() + " " + name + " = $in.read" + b().codecSuffix() + "(" + args + ");");
                    return;
                case STRING:
                    o.line(javaType() + " " + name + " = $in.readString(" + args + ", -1);");
                    return;
                case MESSAGE:
                    o.line(javaType() + " " + name + ";");
                    o.line("try {");
                    o.line("    " + name + " = " + elementTypeDescriptor() + ".read($in);");
                    o.line("} catch (" + RT + "MessageDecodingException $x) {");
                    o.line("    throw $x.within(" + args + ");");
                    o.line("}");
                    return;
                case PRIMITIVE_ARRAY:
                case BUILTIN_LIST:
                    o.line(javaType() + " " + name + " = $in.read" + b().codecSuffix() + "s(" + args
                            + (fixed() ? ", " + length() : "") + ");");
                    return;
                default: {
                    String count = "$n_" + name;
                    long minSize = context.minWireSize(type.baseType());
                    o.line("int " + count + " = " + (fixed() ? String.valueOf(length())
                            : "$in.readCount(" + args + ", " + minSize + "L)") + ";");
                    o.line(javaType() + " " + name + ";");
                    if (minSize == 0) {
                        o.line(name + " = " + RT + "FieldChecks.repeatedList(" + count + ", "
                                + elementTypeDescriptor() + ".defaultValue());");
                        return;
                    }
                    String list = "$l_" + name;
                    o.line("java.util.ArrayList<" + elementClass() + "> " + list + " = new java.util.ArrayList<>("
                            + count + ");");
                    o.line("for (int $i = 0; $i < " + count + "; $i++) {");
                    o.line("    try {");
                    o.line("        " + list + ".add(" + elementTypeDescriptor() + ".read($in));");
                    o.line("    } catch (" + RT + "MessageDecodingException $x) {");
                    o.line("        throw $x.within(" + args + ", $i);");
                    o.line("    }");
                    o.line("}");
                    o.line(name + " = " + list + ";");
                }
            }
        }

        String equalsExpression() {
            String a = "this." + name;
            String b = "$o." + name;
            switch (kind) {
                case PRIMITIVE:
                    if (b() == BuiltinType.FLOAT32) {
                        return "java.lang.Float.compare(" + a + ", " + b + ") == 0";
                    }
                    if (b() == BuiltinType.FLOAT64) {
                        return "java.lang.Double.compare(" + a + ", " + b + ") == 0";
                    }
                    return a + " == " + b;
                case PRIMITIVE_ARRAY:
                    return "java.util.Arrays.equals(" + a + ", " + b + ")";
                default:
                    return a + ".equals(" + b + ")";
            }
        }

        String hashExpression() {
            String a = "this." + name;
            switch (kind) {
                case PRIMITIVE:
                    return "java.lang." + boxed(b()) + ".hashCode(" + a + ")";
                case PRIMITIVE_ARRAY:
                    return "java.util.Arrays.hashCode(" + a + ")";
                default:
                    return a + ".hashCode()";
            }
        }

        String textExpression() {
            String a = "this." + name;
            switch (kind) {
                case PRIMITIVE:
                    if (!b().isUnsigned()) {
                        return a;
                    }
                    switch (b().javaType()) {
                        case "byte":
                            return "java.lang.Byte.toUnsignedInt(" + a + ")";
                        case "short":
                            return "java.lang.Short.toUnsignedInt(" + a + ")";
                        case "int":
                            return "java.lang.Integer.toUnsignedString(" + a + ")";
                        default:
                            return "java.lang.Long.toUnsignedString(" + a + ")";
                    }
                case STRING:
                    return RT + "MessageText.quote(" + a + ")";
                case PRIMITIVE_ARRAY:
                    return RT + "MessageText.array(" + a + ")";
                case BUILTIN_LIST:
                case MESSAGE_LIST:
                    return RT + "MessageText.list(" + a + ")";
                default:
                    return a;
            }
        }
    }

    private static String boxed(BuiltinType b) {
        switch (b.javaType()) {
            case "boolean":
                return "Boolean";
            case "byte":
                return "Byte";
            case "short":
                return "Short";
            case "int":
                return "Integer";
            case "long":
                return "Long";
            case "float":
                return "Float";
            default:
                return "Double";
        }
    }

    private static String primitiveZero(BuiltinType b) {
        switch (b.javaType()) {
            case "boolean":
                return "false";
            case "byte":
                return "(byte) 0";
            case "short":
                return "(short) 0";
            case "int":
                return "0";
            case "long":
                return "0L";
            case "float":
                return "0.0f";
            default:
                return "0.0";
        }
    }

    // ------------------------------------------------------------------------------------------ messages

    /**
     * @param spec a message of the context
     * @return the Java record for it
     * @throws MsgSpecException if a name cannot be mapped to Java
     */
    public GeneratedFile message(MsgSpec spec) {
        String ros = spec.fullName();
        String cls = javaClass(ros);
        String simple = spec.shortName();
        checkClassName(spec.packageName(), simple, spec.source());
        List<F> fields = new ArrayList<>();
        Set<String> memberNames = new HashSet<>();
        for (Field f : spec.fields()) {
            String javaName = JavaNames.member(f.name());
            if (!memberNames.add(javaName)) {
                throw new MsgSpecException(spec.source() + ": field " + f.name() + " of " + ros + " becomes Java name "
                        + javaName + ", which another field or constant already has");
            }
            fields.add(new F(f, javaName, ros));
        }
        List<String> constantNames = new ArrayList<>();
        for (Constant c : spec.constants()) {
            String stripped = MsgParser.pyStrip(c.name());
            if (!JavaNames.isIdentifier(JavaNames.member(stripped))) {
                throw new MsgSpecException(spec.source() + ": constant name '" + c.name() + "' of " + ros
                        + " is not a Java identifier");
            }
            String javaName = JavaNames.member(stripped);
            if (!memberNames.add(javaName)) {
                throw new MsgSpecException(spec.source() + ": constant " + stripped + " of " + ros + " becomes Java name "
                        + javaName + ", which a field or another constant already has");
            }
            constantNames.add(javaName);
        }

        Out o = new Out();
        o.line("// Generated by " + GENERATOR + " from " + sourceName(spec) + ". Do not edit.");
        o.line("package " + JavaNames.javaPackage(basePackage, spec.packageName()) + ";");
        o.line("");
        o.line("/**");
        o.line(" * ROS message {@code " + ros + "}" + (spec.description().isEmpty() ? "." : ": "
                + javadoc(spec.description()).replace("\n", "\n * ")));
        o.line(" *");
        o.line(" * <p>md5 sum {@code " + context.md5(ros) + "}. Primitive arrays are not copied: the message owns the"
                + " arrays it is");
        o.line(" * given and they must not be changed afterwards. Lists are copied into unmodifiable lists.");
        if (!fields.isEmpty()) {
            o.line(" *");
        }
        for (F f : fields) {
            String doc = f.field.comment().isEmpty() ? "" : " " + javadoc(f.field.comment()).replace("\n", " ");
            o.line(" * @param " + f.name + " ROS {@code " + f.field.type().written() + " " + f.field.name() + "}"
                    + (doc.isEmpty() ? "" : ":" + doc));
        }
        o.line(" */");
        if (fields.isEmpty()) {
            o.line("public record " + simple + "() implements " + RT + "Message {");
        } else {
            o.line("public record " + simple + "(");
            for (int i = 0; i < fields.size(); i++) {
                F f = fields.get(i);
                o.line("        " + f.javaType() + " " + f.name + (i + 1 < fields.size() ? "," : ") implements "
                        + RT + "Message {"));
            }
        }
        o.indent();
        o.line("");
        o.line("private static final java.lang.String $DEFINITION =");
        o.line("        " + multilineLiteral(context.fullText(ros), "        ") + ";");
        o.line("");
        o.line("/** The type descriptor of {@code " + ros + "}: ROS name, md5 sum, full definition, codec. */");
        o.line("public static final " + RT + "MessageType<" + cls + "> TYPE = " + RT + "MessageType.of(");
        o.line("        " + literal(ros) + ", " + literal(context.md5(ros)) + ", $DEFINITION,");
        if (fields.isEmpty()) {
            o.line("        java.util.List.of(),");
        } else {
            o.line("        java.util.List.of(");
            for (int i = 0; i < fields.size(); i++) {
                F f = fields.get(i);
                o.line("                new " + RT + "MessageField(" + literal(f.field.name()) + ", "
                        + literal(f.type.written()) + ", " + literal(f.name) + ")" + (i + 1 < fields.size() ? "," : "),"));
            }
        }
        o.line("        " + cls + ".class, new $Codec());");
        for (int i = 0; i < spec.constants().size(); i++) {
            Constant c = spec.constants().get(i);
            o.line("");
            o.line("/** ROS constant <code>" + javadoc(c.type().rosName() + " " + MsgParser.pyStrip(c.name()) + "="
                    + c.valueText()) + "</code>" + (c.comment().isEmpty() ? "." : ": " + javadoc(c.comment())
                    .replace("\n", " ")) + " */");
            o.line("public static final " + c.type().javaType() + " " + constantNames.get(i) + " = "
                    + constantValue(c) + ";");
        }
        o.line("");
        o.line("/** Checks that no field is null and that fixed-length arrays have their length; copies lists. */");
        o.line("public " + simple + " {");
        o.indent();
        for (F f : fields) {
            f.checks(o);
        }
        o.outdent();
        o.line("}");
        o.line("");
        o.line("@java.lang.Override");
        o.line("public " + RT + "MessageType<" + cls + "> messageType() {");
        o.line("    return TYPE;");
        o.line("}");
        o.line("");
        o.line("/** @return a builder with every field at its default (zero, false, empty) */");
        o.line("public static Builder builder() {");
        o.line("    return new Builder();");
        o.line("}");
        o.line("");
        o.line("/** @return a builder holding this message's field values */");
        o.line("public Builder toBuilder() {");
        o.line("    Builder $b = new Builder();");
        for (F f : fields) {
            o.line("    $b." + f.name + " = this." + f.name + ";");
        }
        o.line("    return $b;");
        o.line("}");
        o.line("");
        o.line("/** Value equality; arrays are compared by content, floats as by {@code Double.compare}. */");
        o.line("@java.lang.Override");
        o.line("public boolean equals(java.lang.Object $other) {");
        o.line("    if (this == $other) {");
        o.line("        return true;");
        o.line("    }");
        if (fields.isEmpty()) {
            o.line("    return $other instanceof " + cls + ";");
        } else {
            o.line("    if (!($other instanceof " + cls + " $o)) {");
            o.line("        return false;");
            o.line("    }");
            for (int i = 0; i < fields.size(); i++) {
                o.line((i == 0 ? "    return " : "            && ") + fields.get(i).equalsExpression()
                        + (i + 1 == fields.size() ? ";" : ""));
            }
        }
        o.line("}");
        o.line("");
        o.line("@java.lang.Override");
        o.line("public int hashCode() {");
        o.line("    int $h = " + literal(ros) + ".hashCode();");
        for (F f : fields) {
            o.line("    $h = 31 * $h + " + f.hashExpression() + ";");
        }
        o.line("    return $h;");
        o.line("}");
        o.line("");
        o.line("@java.lang.Override");
        o.line("public java.lang.String toString() {");
        if (fields.isEmpty()) {
            o.line("    return " + literal(ros + "{}") + ";");
        } else {
            for (int i = 0; i < fields.size(); i++) {
                F f = fields.get(i);
                String label = (i == 0 ? ros + "{" : ", ") + f.field.name() + "=";
                o.line((i == 0 ? "    return " : "            + ") + literal(label) + " + " + f.textExpression());
            }
            o.line("            + \"}\";");
        }
        o.line("}");
        emitBuilder(o, simple, cls, fields);
        emitCodec(o, ros, cls, fields);
        o.outdent();
        o.line("}");
        return new GeneratedFile(path(ros), o.toString());
    }

    private void emitBuilder(Out o, String simple, String cls, List<F> fields) {
        o.line("");
        o.line("/** Builds a {@link " + simple + "}; unset fields keep their defaults. Not thread-safe. */");
        o.line("public static final class Builder {");
        o.indent();
        for (F f : fields) {
            o.line("private " + f.javaType() + " " + f.name + " = " + f.defaultValue() + ";");
        }
        if (!fields.isEmpty()) {
            o.line("");
        }
        o.line("private Builder() {");
        o.line("}");
        for (F f : fields) {
            o.line("");
            o.line("/**");
            o.line(" * Sets ROS field {@code " + f.field.name() + "}.");
            o.line(" *");
            o.line(" * @param " + f.name + " the value");
            o.line(" * @return this builder");
            o.line(" */");
            o.line("public Builder " + f.name + "(" + f.javaType() + " " + f.name + ") {");
            o.line("    this." + f.name + " = " + f.name + ";");
            o.line("    return this;");
            o.line("}");
        }
        o.line("");
        o.line("/** @return the message */");
        o.line("public " + cls + " build() {");
        o.line("    return new " + cls + "(" + String.join(", ", fields.stream().map(f -> "this." + f.name).toList())
                + ");");
        o.line("}");
        o.outdent();
        o.line("}");
    }

    private void emitCodec(Out o, String ros, String cls, List<F> fields) {
        o.line("");
        o.line("private static final class $Codec implements " + RT + "MessageCodec<" + cls + "> {");
        o.indent();
        long constant = 0;
        List<String> dynamic = new ArrayList<>();
        for (F f : fields) {
            long c = f.constantSize();
            if (c >= 0) {
                constant += c;
            } else {
                dynamic.add(f.sizeExpression());
            }
        }
        o.line("@java.lang.Override");
        o.line("public long wireSize(" + cls + " $m) {");
        if (dynamic.isEmpty()) {
            o.line("    return " + constant + "L;");
        } else {
            o.line("    return " + constant + "L");
            for (int i = 0; i < dynamic.size(); i++) {
                o.line("            + " + dynamic.get(i) + (i + 1 == dynamic.size() ? ";" : ""));
            }
        }
        o.line("}");
        o.line("");
        o.line("@java.lang.Override");
        o.line("public void write(" + cls + " $m, " + RT + "MessageWriter $out) {");
        o.indent();
        for (F f : fields) {
            f.write(o);
        }
        o.outdent();
        o.line("}");
        o.line("");
        o.line("@java.lang.Override");
        o.line("public " + cls + " read(" + RT + "MessageReader $in) {");
        o.indent();
        for (F f : fields) {
            f.read(o);
        }
        o.line("return new " + cls + "(" + String.join(", ", fields.stream().map(f -> f.name).toList()) + ");");
        o.outdent();
        o.line("}");
        o.line("");
        o.line("@java.lang.Override");
        o.line("public " + cls + " defaultValue() {");
        o.line("    return new " + cls + "(" + String.join(", ", fields.stream().map(F::defaultValue).toList())
                + ");");
        o.line("}");
        o.outdent();
        o.line("}");
    }

    private String constantValue(Constant c) {
        Object v = c.value();
        switch (c.type()) {
            case BOOL:
                return v.toString();
            case STRING:
                return literal((String) v);
            case FLOAT32: {
                float f = ((Double) v).floatValue();
                if (Float.isNaN(f)) {
                    return "java.lang.Float.NaN";
                }
                if (Float.isInfinite(f)) {
                    return f > 0 ? "java.lang.Float.POSITIVE_INFINITY" : "java.lang.Float.NEGATIVE_INFINITY";
                }
                return Float.toString(f) + "f";
            }
            case FLOAT64: {
                double d = (Double) v;
                if (Double.isNaN(d)) {
                    return "java.lang.Double.NaN";
                }
                if (Double.isInfinite(d)) {
                    return d > 0 ? "java.lang.Double.POSITIVE_INFINITY" : "java.lang.Double.NEGATIVE_INFINITY";
                }
                return Double.toString(d);
            }
            default: {
                BigInteger i = (BigInteger) v;
                switch (c.type().javaType()) {
                    case "byte":
                        return "(byte) " + i.byteValue();
                    case "short":
                        return "(short) " + i.shortValue();
                    case "int":
                        return Integer.toString(i.intValue());
                    default:
                        return i.longValue() + "L";
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ services

    /**
     * @param spec a service of the context
     * @return the Java descriptor class for it (its request and response are generated as messages)
     */
    public GeneratedFile service(SrvSpec spec) {
        String ros = spec.fullName();
        String simple = spec.shortName();
        checkClassName(spec.packageName(), simple, spec.source());
        String req = javaClass(spec.request().fullName());
        String res = javaClass(spec.response().fullName());
        Out o = new Out();
        o.line("// Generated by " + GENERATOR + " from " + spec.packageName() + "/srv/" + simple + ".srv. Do not edit.");
        o.line("package " + JavaNames.javaPackage(basePackage, spec.packageName()) + ";");
        o.line("");
        o.line("/**");
        String description = spec.request().description();
        o.line(" * ROS service {@code " + ros + "}" + (description.isEmpty() ? "." : ": "
                + javadoc(description).replace("\n", "\n * ")));
        o.line(" *");
        o.line(" * <p>md5 sum {@code " + context.serviceMd5(ros) + "}; request {@link " + req + "}, response {@link "
                + res + "}.");
        o.line(" */");
        o.line("public final class " + simple + " {");
        o.line("    /** The type descriptor of {@code " + ros + "}: ROS name, md5 sum, request and response types. */");
        o.line("    public static final " + RT + "ServiceType<" + req + ", " + res + "> TYPE =");
        o.line("            new " + RT + "ServiceType<>(" + literal(ros) + ", " + literal(context.serviceMd5(ros))
                + ", " + req + ".TYPE, " + res + ".TYPE);");
        o.line("");
        o.line("    private " + simple + "() {");
        o.line("    }");
        o.line("}");
        return new GeneratedFile(path(ros), o.toString());
    }

    // ------------------------------------------------------------------------------------------ package, catalog

    /**
     * @param rosPackage a ROS package
     * @return its package-info.java
     */
    public GeneratedFile packageInfo(String rosPackage) {
        String pkg = JavaNames.javaPackage(basePackage, rosPackage);
        Out o = new Out();
        o.line("// Generated by " + GENERATOR + ". Do not edit.");
        o.line("/**");
        o.line(" * Messages and services of the ROS package {@code " + rosPackage + "}, generated from its .msg and .srv"
                + " files");
        o.line(" * (ROS 1 wire format and genmsg md5 sums and definitions; see {@link org.gpsros.msg.runtime}).");
        o.line(" */");
        o.line("package " + pkg + ";");
        return new GeneratedFile(pkg.replace('.', '/') + "/package-info.java", o.toString());
    }

    /**
     * @param catalogClass fully qualified name of the catalog class
     * @param messages     the messages to list (requests and responses included)
     * @param services     the services to list
     * @return a class listing the type descriptors, with look-up by ROS name
     */
    public GeneratedFile catalog(String catalogClass, List<MsgSpec> messages, List<SrvSpec> services) {
        int dot = catalogClass.lastIndexOf('.');
        String pkg = catalogClass.substring(0, dot);
        String simple = catalogClass.substring(dot + 1);
        Out o = new Out();
        o.line("// Generated by " + GENERATOR + ". Do not edit.");
        o.line("package " + pkg + ";");
        o.line("");
        o.line("/** Every message and service type generated in this build, with look-up by ROS name. */");
        o.line("public final class " + simple + " {");
        o.indent();
        o.line("private static final java.util.List<" + RT + "MessageType<?>> MESSAGES = java.util.List.of(");
        for (int i = 0; i < messages.size(); i++) {
            o.line("        " + javaClass(messages.get(i).fullName()) + ".TYPE" + (i + 1 < messages.size() ? "," : ""));
        }
        o.line(");");
        o.line("private static final java.util.List<" + RT + "ServiceType<?, ?>> SERVICES = java.util.List.of(");
        for (int i = 0; i < services.size(); i++) {
            o.line("        " + javaClass(services.get(i).fullName()) + ".TYPE" + (i + 1 < services.size() ? "," : ""));
        }
        o.line(");");
        o.line("");
        o.line("private " + simple + "() {");
        o.line("}");
        o.line("");
        o.line("/** @return every message type, sorted by ROS name */");
        o.line("public static java.util.List<" + RT + "MessageType<?>> messageTypes() {");
        o.line("    return MESSAGES;");
        o.line("}");
        o.line("");
        o.line("/** @return every service type, sorted by ROS name */");
        o.line("public static java.util.List<" + RT + "ServiceType<?, ?>> serviceTypes() {");
        o.line("    return SERVICES;");
        o.line("}");
        o.line("");
        o.line("/** @return the message type of that ROS name ({@code pkg/Name}), if generated */");
        o.line("public static java.util.Optional<" + RT + "MessageType<?>> messageType(java.lang.String rosName) {");
        o.line("    return MESSAGES.stream().filter(t -> t.name().equals(rosName)).findFirst();");
        o.line("}");
        o.line("");
        o.line("/** @return the service type of that ROS name ({@code pkg/Name}), if generated */");
        o.line("public static java.util.Optional<" + RT + "ServiceType<?, ?>> serviceType(java.lang.String rosName) {");
        o.line("    return SERVICES.stream().filter(t -> t.name().equals(rosName)).findFirst();");
        o.line("}");
        o.outdent();
        o.line("}");
        return new GeneratedFile(catalogClass.replace('.', '/') + ".java", o.toString());
    }

    // ------------------------------------------------------------------------------------------ text helpers

    private void checkClassName(String rosPackage, String simple, String source) {
        if (!JavaNames.isIdentifier(rosPackage)) {
            throw new MsgSpecException(source + ": package name " + rosPackage + " is not a Java identifier");
        }
        if (!JavaNames.isIdentifier(simple)) {
            throw new MsgSpecException(source + ": type name " + simple + " is not a Java identifier");
        }
        if (simple.equals("Builder")) {
            throw new MsgSpecException(source + ": a type may not be named Builder (the generated nested class)");
        }
    }

    private static String sourceName(MsgSpec spec) {
        String name = spec.shortName();
        if (name.endsWith("Request") && spec.source().endsWith("(request)")) {
            return spec.packageName() + "/srv/" + name.substring(0, name.length() - 7) + ".srv (request)";
        }
        if (name.endsWith("Response") && spec.source().endsWith("(response)")) {
            return spec.packageName() + "/srv/" + name.substring(0, name.length() - 8) + ".srv (response)";
        }
        return spec.packageName() + "/msg/" + name + ".msg";
    }

    /** @return a Java string literal of the text */
    static String literal(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c >= 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }

    /** @return the text as a concatenation of one literal per line */
    static String multilineLiteral(String text, String indent) {
        if (text.length() > 60_000) {
            throw new MsgSpecException("definition text of " + text.length() + " characters is too long for a Java"
                    + " string constant");
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                parts.add(literal(text.substring(start, i + 1)));
                start = i + 1;
            }
        }
        if (start < text.length() || parts.isEmpty()) {
            parts.add(literal(text.substring(start)));
        }
        return String.join("\n" + indent + "+ ", parts);
    }

    /** @return the text escaped for a Javadoc comment */
    static String javadoc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("\\", "&#92;").replace("*/", "*&#47;").replace("{", "&#123;").replace("}", "&#125;");
    }

    /** A tiny indenting line writer. */
    private static final class Out {
        private final StringBuilder text = new StringBuilder();
        private String indent = "";

        void line(String line) {
            if (line.isEmpty()) {
                text.append('\n');
            } else {
                text.append(indent).append(line.replace("\n", "\n" + indent)).append('\n');
            }
        }

        void indent() {
            indent += "    ";
        }

        void outdent() {
            indent = indent.substring(4);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}

package org.gpsros.msg.generator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code .msg} and {@code .srv} text exactly as genmsg 0.6 does ({@code msg_loader.load_msg_from_string},
 * {@code _load_field_line}, {@code _load_constant_line}, {@code load_srv_from_string}), so that md5 sums and
 * definition texts computed from the result equal genmsg's.
 *
 * <p>Rules mirrored: a line's comment starts at the first {@code #}; blank lines are skipped; a line whose
 * comment-free part contains {@code =} is a constant; tokens are separated by spaces only; a string constant's
 * value is everything after the first {@code =} (comments included), stripped; {@code Header} resolves to
 * {@code std_msgs/Header}, any other unqualified non-builtin type to the package's own type; in a {@code .srv} the
 * first line starting with {@code ---} separates request and response and every line keeps a {@code \n}.
 */
public final class MsgParser {
    private static final Pattern BASE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern RESOURCE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_/]*");
    private static final Pattern ARRAY_SUFFIX = Pattern.compile("(\\[[0-9]*\\])*");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+(_[0-9]+)*");
    private static final String HEADER = "Header";
    private static final String HEADER_FULL_NAME = "std_msgs/Header";

    private MsgParser() {
    }

    /**
     * Parses a message definition.
     *
     * @param text     the raw {@code .msg} text
     * @param fullName {@code pkg/Name}
     * @param source   file name or description for error messages
     * @return the parsed definition
     * @throws MsgSpecException where genmsg would reject the definition
     */
    public static MsgSpec parseMsg(String text, String fullName, String source) {
        String packageName = packageOf(fullName, source);
        List<Object> declarations = new ArrayList<>();
        List<StringBuilder> comments = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        Set<String> names = new HashSet<>();
        boolean previousBlank = true;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String orig = lines[i];
            String clean = stripComment(orig);
            String comment = commentOf(orig);
            if (clean.isEmpty()) {
                if (!comment.isEmpty()) {
                    StringBuilder target = declarations.isEmpty() ? description
                            : previousBlank ? null : comments.get(comments.size() - 1);
                    if (target != null) {
                        target.append(target.length() == 0 ? "" : "\n").append(comment);
                    }
                }
                previousBlank = comment.isEmpty() && pyStrip(orig).isEmpty();
                continue;
            }
            previousBlank = false;
            String where = source + ":" + (i + 1) + ": ";
            if (clean.indexOf('=') >= 0) {
                Constant c = parseConstant(orig, where);
                declarations.add(c);
                comments.add(new StringBuilder(c.type() == BuiltinType.STRING ? "" : comment));
            } else {
                Field field = parseField(orig, packageName, where);
                if (!names.add(field.name())) {
                    throw new MsgSpecException(where + "duplicate field name '" + field.name() + "' in " + fullName);
                }
                declarations.add(field);
                comments.add(new StringBuilder(comment));
            }
        }
        List<Field> fields = new ArrayList<>();
        List<Constant> constants = new ArrayList<>();
        for (int i = 0; i < declarations.size(); i++) {
            Object d = declarations.get(i);
            String comment = comments.get(i).toString();
            if (d instanceof Field f) {
                fields.add(new Field(f.type(), f.name(), comment));
            } else {
                Constant c = (Constant) d;
                constants.add(new Constant(c.type(), c.name(), c.valueText(), c.value(), comment));
            }
        }
        return new MsgSpec(fullName, fields, constants, text, source, description.toString());
    }

    /** @return the comment of a line (after the first {@code #}), stripped; empty if none */
    static String commentOf(String line) {
        int hash = line.indexOf('#');
        return hash >= 0 ? pyStrip(line.substring(hash + 1)) : "";
    }

    /**
     * Parses a service definition into its request and response messages.
     *
     * @param text     the raw {@code .srv} text
     * @param fullName {@code pkg/Name}
     * @param source   file name or description for error messages
     * @return the parsed definition
     */
    public static SrvSpec parseSrv(String text, String fullName, String source) {
        StringBuilder request = new StringBuilder();
        StringBuilder response = new StringBuilder();
        StringBuilder accumulator = request;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("---")) {
                accumulator = response;
            } else {
                accumulator.append(line).append('\n');
            }
        }
        MsgSpec req = parseMsg(request.toString(), fullName + "Request", source + " (request)");
        MsgSpec res = parseMsg(response.toString(), fullName + "Response", source + " (response)");
        return new SrvSpec(fullName, req, res, text, source);
    }

    /** @return the line without its comment, stripped of surrounding white space (Python {@code str.strip}) */
    static String stripComment(String line) {
        int hash = line.indexOf('#');
        return pyStrip(hash >= 0 ? line.substring(0, hash) : line);
    }

    /** Python's {@code str.strip()} for the white space that can occur in a text file. */
    static String pyStrip(String s) {
        int begin = 0;
        int end = s.length();
        while (begin < end && isPySpace(s.charAt(begin))) {
            begin++;
        }
        while (end > begin && isPySpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(begin, end);
    }

    private static boolean isPySpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f'
                || c == '\u001c' || c == '\u001d' || c == '\u001e' || c == '\u001f' || c == '\u0085'
                || Character.isSpaceChar(c);
    }

    /** Splits on single spaces, strips each piece and drops empty ones (genmsg's {@code line_splits}). */
    private static List<String> splitTokens(String cleanLine) {
        List<String> out = new ArrayList<>();
        for (String piece : cleanLine.split(" ", -1)) {
            String s = pyStrip(piece);
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static Field parseField(String orig, String packageName, String where) {
        List<String> tokens = splitTokens(stripComment(orig));
        if (tokens.size() != 2) {
            throw new MsgSpecException(where + "invalid declaration '" + orig
                    + "': expected 'type name' (tokens are separated by spaces)");
        }
        String written = tokens.get(0);
        String name = tokens.get(1);
        if (!BASE_NAME.matcher(name).matches()) {
            throw new MsgSpecException(where + "'" + name + "' is not a legal field name"
                    + " (a letter followed by letters, digits or '_')");
        }
        return new Field(parseType(written, packageName, where), name, "");
    }

    /**
     * Parses and resolves a field type as genmsg does ({@code is_valid_msg_type}, {@code parse_type} and the
     * package resolution in {@code _load_field_line}).
     */
    static FieldType parseType(String written, String packageName, String where) {
        int bracket = written.indexOf('[');
        String base = bracket >= 0 ? written.substring(0, bracket) : written;
        String suffix = bracket >= 0 ? written.substring(bracket) : "";
        if (!RESOURCE_NAME.matcher(base).matches() || base.contains("//")
                || !ARRAY_SUFFIX.matcher(suffix).matches()) {
            throw new MsgSpecException(where + "'" + written + "' is not a legal field type");
        }
        boolean array = !suffix.isEmpty();
        int fixedLength = -1;
        if (array) {
            if (suffix.indexOf('[', 1) >= 0) {
                throw new MsgSpecException(where + "'" + written + "': only 1-dimensional arrays are supported");
            }
            String digits = suffix.substring(1, suffix.length() - 1);
            if (!digits.isEmpty()) {
                try {
                    fixedLength = Integer.parseInt(digits);
                } catch (NumberFormatException e) {
                    throw new MsgSpecException(where + "'" + written + "': array length too large");
                }
            }
        }
        Optional<BuiltinType> builtin = BuiltinType.of(base);
        String resolvedWritten = written;
        String resolvedBase = base;
        if (builtin.isEmpty()) {
            if (written.equals(HEADER)) {
                resolvedWritten = HEADER_FULL_NAME;
                resolvedBase = HEADER_FULL_NAME;
            } else if (written.indexOf('/') < 0) {
                resolvedWritten = packageName + "/" + written;
                resolvedBase = packageName + "/" + base;
            }
            if (resolvedBase.indexOf('/') != resolvedBase.lastIndexOf('/')) {
                throw new MsgSpecException(where + "'" + written + "' is not a legal message type (pkg/Name)");
            }
        }
        return new FieldType(resolvedWritten, resolvedBase, builtin, array, fixedLength);
    }

    private static Constant parseConstant(String orig, String where) {
        List<String> tokens = splitTokens(stripComment(orig));
        String typeName = tokens.get(0);
        BuiltinType type = BuiltinType.of(typeName).filter(BuiltinType::isConstantType).orElseThrow(
                () -> new MsgSpecException(where + "'" + typeName + "' is not a legal constant type"));
        String name;
        String value;
        if (type == BuiltinType.STRING) {
            // genmsg: everything right of the first '=' is the value; no comments are possible
            int eq = orig.indexOf('=');
            name = orig.substring(orig.indexOf(' ') + 1, eq);
            value = orig.substring(eq + 1);
        } else {
            String rest = String.join(" ", tokens.subList(1, tokens.size()));
            String[] parts = rest.split("=", -1);
            if (parts.length != 2) {
                throw new MsgSpecException(where + "invalid constant declaration '" + orig + "'");
            }
            name = pyStrip(parts[0]);
            value = pyStrip(parts[1]);
        }
        String valueText = pyStrip(value);
        return new Constant(type, name, valueText, convert(type, value, where, orig), "");
    }

    /** genmsg's {@code convert_constant_value}: the value as Boolean, BigInteger, Double or String. */
    private static Object convert(BuiltinType type, String value, String where, String orig) {
        String v = pyStrip(value);
        switch (type) {
            case STRING:
                return v;
            case FLOAT32:
            case FLOAT64:
                return parseFloat(v, where, orig);
            case BOOL:
                return parseBool(v, where, orig);
            default:
                return parseInteger(type, v, where, orig);
        }
    }

    private static Double parseFloat(String v, String where, String orig) {
        String lower = v.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        double sign = lower.startsWith("-") ? -1.0 : 1.0;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!unsigned.matches("([0-9]+(_[0-9]+)*)?(\\.([0-9]+(_[0-9]+)*)?)?(e[+-]?[0-9]+(_[0-9]+)*)?")
                || unsigned.isEmpty() || unsigned.equals(".") || unsigned.startsWith("e")
                || unsigned.startsWith(".e")) {
            throw new MsgSpecException(where + "invalid constant value '" + v + "' in '" + orig + "'");
        }
        return Double.parseDouble(v.replace("_", ""));
    }

    private static Boolean parseBool(String v, String where, String orig) {
        // genmsg: True if ast.literal_eval(val) else False
        switch (v) {
            case "True":
                return Boolean.TRUE;
            case "False":
            case "None":
                return Boolean.FALSE;
            default:
                if (INTEGER.matcher(v).matches()) {
                    return new BigInteger(v.replace("_", "")).signum() != 0;
                }
                throw new MsgSpecException(where + "invalid bool constant value '" + v + "' in '" + orig
                        + "' (use True, False or an integer)");
        }
    }

    private static BigInteger parseInteger(BuiltinType type, String v, String where, String orig) {
        if (!INTEGER.matcher(v).matches()) {
            throw new MsgSpecException(where + "invalid integer constant value '" + v + "' in '" + orig + "'");
        }
        BigInteger value = new BigInteger(v.replace("_", ""));
        int bits = type.minWireSize() * 8;
        BigInteger lower;
        BigInteger upper;
        if (type.isUnsigned()) {
            lower = BigInteger.ZERO;
            upper = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        } else {
            upper = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
            lower = upper.negate().subtract(BigInteger.ONE);
        }
        if (value.compareTo(lower) < 0 || value.compareTo(upper) > 0) {
            throw new MsgSpecException(where + "constant value " + v + " is out of range for " + type.rosName()
                    + " [" + lower + ", " + upper + "]");
        }
        return value;
    }

    private static String packageOf(String fullName, String source) {
        int slash = fullName.indexOf('/');
        if (slash <= 0 || slash != fullName.lastIndexOf('/') || slash == fullName.length() - 1) {
            throw new MsgSpecException(source + ": '" + fullName + "' is not a full type name pkg/Name");
        }
        return fullName.substring(0, slash);
    }
}

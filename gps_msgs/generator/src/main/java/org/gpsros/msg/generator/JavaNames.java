package org.gpsros.msg.generator;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * How ROS names become Java names in generated code.
 *
 * <p>Package {@code pkg} becomes Java package {@code <basePackage>.pkg}; message {@code pkg/Name} becomes class
 * {@code Name}. Field and constant names are kept as written in ROS (so {@code K_t} and {@code k_t} stay distinct),
 * except that a name which is a Java keyword or clashes with a generated member ({@link #RESERVED}) gets a trailing
 * {@code _}. Generated locals and private members contain {@code $}, which ROS names cannot, so they never clash.
 */
public final class JavaNames {
    /** Java keywords and literals. */
    public static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
            "_");

    /**
     * Names of generated members and of the first segments of fully qualified names used in generated code; a ROS
     * field or constant of such a name gets a trailing {@code _}. Record components also may not be named like
     * the methods of {@code Object}.
     */
    public static final Set<String> RESERVED = Set.of("TYPE", "builder", "toBuilder", "build", "messageType",
            "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize",
            "java", "org");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JavaNames() {
    }

    /** @return the Java name of a field or constant */
    public static String member(String rosName) {
        return KEYWORDS.contains(rosName) || RESERVED.contains(rosName) ? rosName + "_" : rosName;
    }

    /** @return true if the text is an ASCII Java identifier and not a keyword */
    public static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches() && !KEYWORDS.contains(name);
    }

    /** @return the Java package of a ROS package */
    public static String javaPackage(String basePackage, String rosPackage) {
        return basePackage + "." + rosPackage;
    }
}

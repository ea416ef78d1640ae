package org.gpsros.ros.names;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A ROS graph resource name (node, topic, service or parameter), validated and in canonical form: no repeated and
 * no trailing {@code /} (except the root {@code /}), and {@code ~/x} written {@code ~x}.
 *
 * <p>Kinds (ROS wiki "Names" §1.1.2): global ({@code /a/b}), relative ({@code a/b}, resolved in the node's
 * namespace), private ({@code ~a}, resolved in the node's own name) and the empty relative name {@code ""}.
 * Legal characters as in roscpp's {@code ros::names::validate}: the first character is a letter, {@code /} or
 * {@code ~}; the others are letters, digits, {@code _} or {@code /}.
 *
 * <p>Immutable; equality is on the canonical text.
 */
public final class GraphName implements Comparable<GraphName> {
    /** The root namespace {@code /}. */
    public static final GraphName ROOT = new GraphName("/");
    /** The empty relative name (the namespace itself). */
    public static final GraphName EMPTY = new GraphName("");
    private static final char SEPARATOR = '/';
    private static final char PRIVATE = '~';

    private final String name;

    private GraphName(String canonical) {
        this.name = canonical;
    }

    /**
     * Validates and canonicalises a name.
     *
     * @param name the name, e.g. {@code /gps//status/}, {@code status}, {@code ~/cost}
     * @return the canonical name, e.g. {@code /gps/status}, {@code status}, {@code ~cost}
     * @throws IllegalArgumentException if the name has an illegal character or a {@code ~} that is not first
     */
    public static GraphName of(String name) {
        if (name == null) {
            throw new IllegalArgumentException("graph name must not be null");
        }
        String canonical = canonicalise(name);
        validate(name, canonical);
        if (canonical.isEmpty()) {
            return EMPTY;
        }
        if (canonical.equals("/")) {
            return ROOT;
        }
        return new GraphName(canonical);
    }

    /**
     * @param name a name
     * @return whether {@link #of} accepts it
     */
    public static boolean isLegal(String name) {
        try {
            of(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String canonicalise(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == SEPARATOR && out.length() > 0 && out.charAt(out.length() - 1) == SEPARATOR) {
                continue;
            }
            if (c == SEPARATOR && out.length() == 1 && out.charAt(0) == PRIVATE) {
                continue; // "~/x" is "~x"
            }
            out.append(c);
        }
        if (out.length() > 1 && out.charAt(out.length() - 1) == SEPARATOR) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static void validate(String original, String canonical) {
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean ok;
            if (i == 0) {
                ok = letter || c == SEPARATOR || c == PRIVATE;
            } else {
                ok = letter || (c >= '0' && c <= '9') || c == '_' || c == SEPARATOR;
            }
            if (!ok) {
                throw new IllegalArgumentException("illegal graph name '" + original + "': character '" + c
                        + "' at position " + i + " (names start with a letter, '/' or '~' and continue with"
                        + " letters, digits, '_' or '/')");
            }
        }
    }

    /** @return whether the name starts with {@code /} */
    public boolean isGlobal() {
        return !name.isEmpty() && name.charAt(0) == SEPARATOR;
    }

    /** @return whether the name starts with {@code ~} */
    public boolean isPrivate() {
        return !name.isEmpty() && name.charAt(0) == PRIVATE;
    }

    /** @return whether the name is neither global nor private (includes the empty name) */
    public boolean isRelative() {
        return !isGlobal() && !isPrivate();
    }

    /** @return whether this is {@code /} */
    public boolean isRoot() {
        return name.equals("/");
    }

    /** @return whether this is the empty relative name */
    public boolean isEmpty() {
        return name.isEmpty();
    }

    /**
     * @return the namespace containing this name: {@code /a/b -> /a}, {@code /a -> /}, {@code a/b -> a},
     *         {@code a -> ""}, {@code / -> /}
     */
    public GraphName parent() {
        if (isRoot() || isEmpty()) {
            return this;
        }
        int slash = name.lastIndexOf(SEPARATOR);
        if (slash < 0) {
            return isPrivate() ? new GraphName("~") : EMPTY;
        }
        if (slash == 0) {
            return ROOT;
        }
        return new GraphName(name.substring(0, slash));
    }

    /** @return the last segment without namespace: {@code /a/b -> b}, {@code ~x -> x}, {@code / -> ""} */
    public String baseName() {
        int slash = name.lastIndexOf(SEPARATOR);
        String base = slash < 0 ? name : name.substring(slash + 1);
        return !base.isEmpty() && base.charAt(0) == PRIVATE ? base.substring(1) : base;
    }

    /**
     * Joins a name onto this namespace; a global child is returned unchanged.
     *
     * @param child a relative (or global) name
     * @return {@code this/child}
     * @throws IllegalArgumentException if the child is private
     */
    public GraphName join(GraphName child) {
        if (child.isGlobal()) {
            return child;
        }
        if (child.isPrivate()) {
            throw new IllegalArgumentException("cannot join private name " + child + " onto " + this);
        }
        if (child.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return child;
        }
        return of(name + SEPARATOR + child.name);
    }

    /**
     * @param child a relative or global name
     * @return {@code join(GraphName.of(child))}
     */
    public GraphName join(String child) {
        return join(of(child));
    }

    /** @return the segments of a global or relative name, e.g. {@code /a/b -> [a, b]} */
    public List<String> segments() {
        List<String> out = new ArrayList<>();
        for (String s : name.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * @param namespace a global namespace
     * @return whether this global name equals it or lies inside it
     */
    public boolean isIn(GraphName namespace) {
        if (namespace.isRoot()) {
            return isGlobal();
        }
        return name.equals(namespace.name) || name.startsWith(namespace.name + SEPARATOR);
    }

    @Override
    public int compareTo(GraphName other) {
        return name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GraphName g && g.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** @return the canonical text */
    @Override
    public String toString() {
        return name;
    }
}

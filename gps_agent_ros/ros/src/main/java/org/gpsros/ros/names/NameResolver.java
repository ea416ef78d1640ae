package org.gpsros.ros.names;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves names the way a node does (ROS wiki "Names" §1.1.3 and "Remapping Arguments"): a global name stays, a
 * relative name is joined onto the node's namespace, a private {@code ~name} onto the node's own name, and then the
 * node's remappings are applied to the resolved name. Remapping keys and values are resolved in the node's
 * namespace when the resolver is made, as rospy's {@code initialize_mappings} does.
 *
 * <p>Immutable and thread-safe.
 */
public final class NameResolver {
    private final GraphName nodeName;
    private final GraphName namespace;
    private final Map<GraphName, GraphName> remappings;

    private NameResolver(GraphName nodeName, Map<GraphName, GraphName> remappings) {
        this.nodeName = nodeName;
        this.namespace = nodeName.parent();
        this.remappings = remappings;
    }

    /**
     * @param nodeName   the node's global name, e.g. {@code /robot1/gps_learner}
     * @param remappings raw remappings {@code from -> to} as given on the command line (relative, global or private)
     * @return the resolver
     * @throws IllegalArgumentException if the node name is not global, or a remapping side is not a legal name
     */
    public static NameResolver of(GraphName nodeName, Map<String, String> remappings) {
        Objects.requireNonNull(nodeName, "nodeName");
        if (!nodeName.isGlobal() || nodeName.isRoot()) {
            throw new IllegalArgumentException("node name must be a global name below /, got '" + nodeName + "'");
        }
        NameResolver plain = new NameResolver(nodeName, Map.of());
        Map<GraphName, GraphName> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : remappings.entrySet()) {
            resolved.put(plain.resolveWithoutRemapping(GraphName.of(e.getKey())),
                    plain.resolveWithoutRemapping(GraphName.of(e.getValue())));
        }
        return new NameResolver(nodeName, Collections.unmodifiableMap(resolved));
    }

    /** @return the node's global name */
    public GraphName nodeName() {
        return nodeName;
    }

    /** @return the node's namespace (the parent of its name) */
    public GraphName namespace() {
        return namespace;
    }

    /** @return the resolved remappings {@code from -> to}, both global */
    public Map<GraphName, GraphName> remappings() {
        return remappings;
    }

    /**
     * @param name a topic, service or parameter name (global, relative or {@code ~private})
     * @return the global name after remapping
     * @throws IllegalArgumentException if the name is not legal
     */
    public GraphName resolve(String name) {
        return resolve(GraphName.of(name));
    }

    /**
     * @param name a name
     * @return the global name after remapping
     */
    public GraphName resolve(GraphName name) {
        GraphName resolved = resolveWithoutRemapping(name);
        return remappings.getOrDefault(resolved, resolved);
    }

    /**
     * @param name a name
     * @return the global name, without applying remappings
     */
    public GraphName resolveWithoutRemapping(GraphName name) {
        if (name.isGlobal()) {
            return name;
        }
        if (name.isPrivate()) {
            String rest = name.toString().substring(1);
            return rest.isEmpty() ? nodeName : nodeName.join(rest);
        }
        return namespace.join(name);
    }

    @Override
    public String toString() {
        return "NameResolver[" + nodeName + ", remappings=" + remappings + "]";
    }
}

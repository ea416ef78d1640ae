package org.gpsros.ros.api;

import java.net.URI;
import org.gpsros.ros.names.GraphName;

/** A node's identity and name resolution; see {@link ConnectedNode} for what a running node can do. */
public interface Node {
    /** @return the node's global name, e.g. {@code /gps_learner} */
    GraphName name();

    /** @return the node's namespace (the parent of its name) */
    default GraphName namespace() {
        return name().parent();
    }

    /**
     * Resolves a topic, service or parameter name as the node does: global stays, relative joins the namespace,
     * {@code ~private} joins the node name; then remappings apply.
     *
     * @param name the name
     * @return the global name
     * @throws IllegalArgumentException if the name is not legal
     */
    GraphName resolveName(String name);

    /** @return the master's URI */
    URI masterUri();

    /** @return this node's slave XML-RPC URI, as registered with the master */
    URI uri();

    /** @return the node's logger (JDK System.Logger named after the node) */
    System.Logger log();
}

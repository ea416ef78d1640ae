package org.gpsros.ros.api;

import org.gpsros.ros.names.GraphName;

/** A node's program: what it does once connected to the ROS graph (rosjava's {@code NodeMain}). */
public interface NodeMain {
    /**
     * @return the node's name when the command line gives no {@code __name:=}: relative (placed in the node's
     *         namespace) or global
     */
    GraphName defaultNodeName();

    /**
     * Called once the node serves its slave API and TCPROS port; create publishers, subscribers and services here.
     * An exception shuts the node down.
     *
     * @param node the connected node
     */
    void onStart(ConnectedNode node);

    /**
     * Called once when the node starts shutting down, before its publishers, subscribers and services are closed
     * and unregistered (they may still be used, e.g. to publish a last message).
     *
     * @param node the node
     */
    default void onShutdown(Node node) {
    }
}

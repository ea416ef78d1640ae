package org.gpsros.ros.api;

import java.time.Duration;
import org.gpsros.ros.internal.node.DefaultNode;

/** Starts nodes: the one entry point that wires a {@link NodeMain} to the ROS graph. */
public final class RosNodeRunner {
    private RosNodeRunner() {
    }

    /**
     * Starts a node and returns once {@link NodeMain#onStart} has returned.
     *
     * @param main   the node's program
     * @param config how to connect
     * @return the running node
     * @throws RosException if the master does not answer within the connect timeout, a socket cannot be bound, or
     *                      {@code onStart} throws (the node is then shut down)
     */
    public static RosNode start(NodeMain main, NodeConfiguration config) {
        return DefaultNode.start(main, config);
    }

    /**
     * Starts a node and blocks until it has shut down: by SIGINT/SIGTERM (JVM shutdown hook), the slave API's
     * {@code shutdown} ({@code rosnode kill}) or the node itself.
     *
     * @param main   the node's program
     * @param config how to connect
     * @throws RosException as {@link #start}
     */
    public static void run(NodeMain main, NodeConfiguration config) {
        RosNode node = start(main, config.shutdownHook() ? config : config.toBuilder().shutdownHook(true).build());
        try {
            while (!node.awaitShutdown(Duration.ofHours(1))) {
                // keep waiting
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            node.shutdown();
        }
    }

    /**
     * {@link #run(NodeMain, NodeConfiguration)} with the configuration from the command line and environment.
     *
     * @param main the node's program
     * @param args the command line
     */
    public static void run(NodeMain main, String... args) {
        run(main, NodeConfiguration.fromCommandLine(args));
    }
}

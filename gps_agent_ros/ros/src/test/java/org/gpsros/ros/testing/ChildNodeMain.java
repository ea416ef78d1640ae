package org.gpsros.ros.testing;

import org.gpsros.msg.std_msgs.Float64;
import org.gpsros.msg.std_srvs.Trigger;
import org.gpsros.msg.std_srvs.TriggerResponse;
import org.gpsros.ros.api.ConnectedNode;
import org.gpsros.ros.api.Node;
import org.gpsros.ros.api.NodeMain;
import org.gpsros.ros.api.RosNodeRunner;
import org.gpsros.ros.names.GraphName;

/**
 * A node run in a child JVM by the shutdown tests: publishes {@code ~value} (latched), serves {@code ~ping},
 * subscribes {@code ~input}; prints "started" and "onShutdown" so the test can follow it.
 */
public final class ChildNodeMain implements NodeMain {
    @Override
    public GraphName defaultNodeName() {
        return GraphName.of("child_node");
    }

    @Override
    public void onStart(ConnectedNode node) {
        node.newPublisher("~value", Float64.TYPE, true).publish(new Float64(42.0));
        node.newServiceServer("~ping", Trigger.TYPE, req -> new TriggerResponse(true, "pong"));
        node.newSubscriber("~input", Float64.TYPE, m -> { });
        System.out.println("started " + node.name());
        System.out.flush();
    }

    @Override
    public void onShutdown(Node node) {
        System.out.println("onShutdown " + node.name());
        System.out.flush();
    }

    /**
     * @param args ROS command line
     */
    public static void main(String[] args) {
        RosNodeRunner.run(new ChildNodeMain(), args);
        System.out.println("exited");
    }
}

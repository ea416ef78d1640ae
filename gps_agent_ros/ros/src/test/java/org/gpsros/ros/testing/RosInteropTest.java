package org.gpsros.ros.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.gpsros.ros.api.ConnectedNode;
import org.gpsros.ros.api.NodeConfiguration;
import org.gpsros.ros.api.NodeMain;
import org.gpsros.ros.api.RosNode;
import org.gpsros.ros.api.RosNodeRunner;
import org.gpsros.ros.names.GraphName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the interop tests against real ROS: one loopback rosmaster per test class, our nodes started in-process
 * and shut down after each test.
 */
@Tag("ros")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class RosInteropTest {
    /** The test class's ROS_HOME (logs, bags). */
    @TempDir
    protected static Path rosHome;
    protected static RosMaster master;
    private final List<RosNode> nodes = new ArrayList<>();

    @BeforeAll
    static void startMaster() {
        master = RosMaster.start(rosHome);
    }

    @AfterAll
    static void stopMaster() {
        if (master != null) {
            master.close();
        }
    }

    @AfterEach
    void shutDownNodes() {
        nodes.forEach(RosNode::shutdown);
        nodes.clear();
    }

    /** @return a configuration for this class's master (loopback, fast master polling, no shutdown hook) */
    protected static NodeConfiguration.Builder config() {
        return NodeConfiguration.builder().masterUri(master.uri()).shutdownHook(false)
                .masterPollInterval(Duration.ofMillis(200)).masterConnectTimeout(Duration.ofSeconds(10));
    }

    /**
     * Starts a node that runs {@code onStart}.
     *
     * @param name    node name
     * @param onStart what to do on start
     * @return the running node (shut down after the test)
     */
    protected RosNode startNode(String name, Consumer<ConnectedNode> onStart) {
        return startNode(config(), name, onStart);
    }

    /**
     * @param config  the configuration
     * @param name    node name
     * @param onStart what to do on start
     * @return the running node (shut down after the test)
     */
    protected RosNode startNode(NodeConfiguration.Builder config, String name, Consumer<ConnectedNode> onStart) {
        RosNode node = RosNodeRunner.start(new NodeMain() {
            @Override
            public GraphName defaultNodeName() {
                return GraphName.of(name);
            }

            @Override
            public void onStart(ConnectedNode n) {
                onStart.accept(n);
            }
        }, config.build());
        nodes.add(node);
        return node;
    }

    /**
     * Polls a condition.
     *
     * @param timeout the longest wait
     * @param what    description for the failure message
     * @param done    the condition
     */
    protected static void await(Duration timeout, String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            RosTools.sleep(20);
        }
    }
}

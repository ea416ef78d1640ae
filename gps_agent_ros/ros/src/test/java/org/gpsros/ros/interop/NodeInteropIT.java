package org.gpsros.ros.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gpsros.msg.std_msgs.Float64;
import org.gpsros.msg.std_srvs.Trigger;
import org.gpsros.msg.std_srvs.TriggerResponse;
import org.gpsros.ros.api.Publisher;
import org.gpsros.ros.api.RosNode;
import org.gpsros.ros.internal.master.SystemState;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.ros.testing.RosTools;
import org.junit.jupiter.api.Test;

/** rosnode info/ping/kill, SIGTERM on a node's JVM, and a master restart. */
class NodeInteropIT extends RosInteropTest {
    private RosNode startBusyNode(String name) {
        return startNode(name, n -> {
            n.newPublisher("~status", Float64.TYPE, true).publish(new Float64(1.0));
            n.newSubscriber("/commands", Float64.TYPE, m -> { });
            n.newServiceServer("~reset", Trigger.TYPE, req -> new TriggerResponse(true, "ok"));
        });
    }

    private static boolean mentions(SystemState s, String node) {
        return s.nodes().contains(node);
    }

    @Test
    void rosnodeInfoAndPing() throws Exception {
        RosNode busy = startBusyNode("busy");
        assertEquals(busy.node().uri(), master.client().lookupNode("/busy"));
        assertEquals("std_msgs/Float64", master.client().getTopicTypes().get("/busy/status"));
        // a latched subscriber gives the bus info a connection to report
        try (RosTools.Running echo = master.start("rostopic", "echo", "/busy/status")) {
            assertTrue(echo.awaitOutput("data: 1.0", Duration.ofSeconds(20)), echo.stderr());
            RosTools.Result info = master.run(Duration.ofSeconds(20), "rosnode", "info", "/busy");
            assertEquals(0, info.exitCode(), info.all());
            for (String s : List.of("Node [/busy]", "Publications:", " * /busy/status [std_msgs/Float64]",
                    "Subscriptions:", " * /commands [unknown type]", "Services:", " * /busy/reset",
                    "contacting node http://127.0.0.1:", "Pid: " + ProcessHandle.current().pid(), "Connections:",
                    " * topic: /busy/status", "    * direction: outbound", "    * transport: TCPROS")) {
                assertTrue(info.stdout().contains(s), "missing '" + s + "' in\n" + info.all());
            }
        }
        RosTools.Result ping = master.run(Duration.ofSeconds(20), "rosnode", "ping", "-c", "2", "/busy");
        assertEquals(0, ping.exitCode(), ping.all());
        assertTrue(ping.stdout().contains("xmlrpc reply from http://127.0.0.1:"), ping.all());
    }

    @Test
    void rosnodeKillShutsDownCleanly() throws Exception {
        RosNode node = startBusyNode("victim");
        assertTrue(mentions(master.state(), "/victim"));
        RosTools.Result kill = master.run(Duration.ofSeconds(20), "rosnode", "kill", "/victim");
        assertEquals(0, kill.exitCode(), kill.all());
        assertTrue(kill.stdout().contains("killed"), kill.all());
        assertTrue(node.awaitShutdown(Duration.ofSeconds(10)), "node did not shut down");
        // everything was unregistered by the node itself
        assertFalse(mentions(master.state(), "/victim"), master.state().toString());
    }

    /** roslaunch stops nodes with SIGINT (then SIGTERM); both run the JVM shutdown hook. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"TERM, 143", "INT, 130"})
    void signalToTheJvmUnregistersTheNode(String signal, int exitCode) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = ProcessHandle.current().info().command().orElse("java");
        try (RosTools.Running child = master.start(java, "-cp", classpath,
                "org.gpsros.ros.testing.ChildNodeMain", "__name:=child_jvm", "_rate:=5")) {
            assertTrue(child.awaitOutput("started /child_jvm", Duration.ofSeconds(30)), child.stdout()
                    + child.stderr());
            SystemState before = master.state();
            assertEquals(List.of("/child_jvm"), before.publishers().get("/child_jvm/value"));
            assertEquals(List.of("/child_jvm"), before.services().get("/child_jvm/ping"));
            child.signal(signal);
            RosTools.Result r = child.await(Duration.ofSeconds(15));
            assertEquals(exitCode, r.exitCode(), "child JVM did not exit on SIG" + signal + ": " + r.all());
            assertTrue(r.stdout().contains("onShutdown /child_jvm"), r.all());
            assertFalse(mentions(master.state(), "/child_jvm"), master.state().toString());
        }
    }

    @Test
    void nodeReregistersAfterMasterRestart() throws Exception {
        AtomicReference<Publisher<Float64>> pub = new AtomicReference<>();
        CompletableFuture<Float64> received = new CompletableFuture<>();
        startNode("survivor", n -> {
            pub.set(n.newPublisher("/survivor_out", Float64.TYPE, true));
            n.newSubscriber("/survivor_in", Float64.TYPE, received::complete);
            n.newServiceServer("~reset", Trigger.TYPE, req -> new TriggerResponse(true, "ok"));
        });
        pub.get().publish(new Float64(7.5));
        int oldPid = master.client().getPid();
        master.restart();
        assertNotEquals(oldPid, master.client().getPid(), "a new master process");
        await(Duration.ofSeconds(10), "re-registration", () -> {
            SystemState s = master.state();
            return s.publishers().containsKey("/survivor_out") && s.subscribers().containsKey("/survivor_in")
                    && s.services().containsKey("/survivor/reset");
        });
        RosTools.Result echo = master.run(Duration.ofSeconds(20), "rostopic", "echo", "-n", "1", "/survivor_out");
        assertEquals(0, echo.exitCode(), echo.all());
        assertTrue(echo.stdout().contains("data: 7.5"), echo.all());
        try (RosTools.Running p = master.start("rostopic", "pub", "-r", "10", "/survivor_in", "std_msgs/Float64",
                "data: 4.0")) {
            assertEquals(4.0, received.get(20, TimeUnit.SECONDS).data(), p.stderr());
        }
        RosTools.Result call = master.run(Duration.ofSeconds(20), "rosservice", "call", "/survivor/reset", "{}");
        assertEquals(0, call.exitCode(), call.all());
    }

    @Test
    void namespaceRemappingAndPrivateNamesReachTheMaster() {
        AtomicReference<org.gpsros.ros.api.ConnectedNode> node = new AtomicReference<>();
        startNode(config().namespace(org.gpsros.ros.names.GraphName.of("/robot1")).nodeName("renamed")
                .remap("chatter", "/global_chatter").remap("~private_in", "other_in"), "default_name", n -> {
                    node.set(n);
                    n.newPublisher("chatter", Float64.TYPE);
                    n.newPublisher("relative", Float64.TYPE);
                    n.newPublisher("~private", Float64.TYPE);
                    n.newSubscriber("~private_in", Float64.TYPE, m -> { });
                });
        assertEquals("/robot1/renamed", node.get().name().toString());
        SystemState s = master.state();
        assertEquals(List.of("/robot1/renamed"), s.publishers().get("/global_chatter"));
        assertEquals(List.of("/robot1/renamed"), s.publishers().get("/robot1/relative"));
        assertEquals(List.of("/robot1/renamed"), s.publishers().get("/robot1/renamed/private"));
        assertEquals(List.of("/robot1/renamed"), s.subscribers().get("/robot1/other_in"));
    }

    @Test
    void simulatedTimeComesFromClock() throws Exception {
        RosTools.Result set = master.run(Duration.ofSeconds(20), "rosparam", "set", "/use_sim_time", "true");
        assertEquals(0, set.exitCode(), set.all());
        try {
            AtomicReference<org.gpsros.ros.api.ConnectedNode> node = new AtomicReference<>();
            startNode("sim_timed", node::set);
            assertEquals(org.gpsros.msg.runtime.Time.ZERO, node.get().now());
            try (RosTools.Running clock = master.start("rostopic", "pub", "-r", "10", "/clock",
                    "rosgraph_msgs/Clock", "clock: {secs: 100, nsecs: 5}")) {
                await(Duration.ofSeconds(20), "/clock to arrive (" + clock + ")", () -> node.get().now().secs() == 100);
                assertEquals(new org.gpsros.msg.runtime.Time(100, 5), node.get().now());
            }
        } finally {
            master.run(Duration.ofSeconds(20), "rosparam", "delete", "/use_sim_time");
        }
    }

    @Test
    void shutdownIsIdempotentAndClosesHandles() throws Exception {
        AtomicReference<Publisher<Float64>> pub = new AtomicReference<>();
        RosNode node = startNode("closer", n -> pub.set(n.newPublisher("/closer_out", Float64.TYPE)));
        pub.get().close();
        pub.get().close();
        assertFalse(master.state().publishers().containsKey("/closer_out"), "closing the last publisher unregisters");
        node.shutdown();
        node.shutdown();
        assertTrue(node.isShutdown());
        assertTrue(node.awaitShutdown(Duration.ZERO));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> node.node().newPublisher("/x", Float64.TYPE));
    }
}

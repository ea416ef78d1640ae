package org.gpsros.ros.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gpsros.ros.names.GraphName;
import org.junit.jupiter.api.Test;

class NodeConfigurationTest {
    @Test
    void defaultsAreLoopback() {
        NodeConfiguration c = NodeConfiguration.fromCommandLine(List.of(), Map.of());
        assertEquals(URI.create("http://localhost:11311/"), c.masterUri());
        assertEquals("127.0.0.1", c.host());
        assertTrue(c.bindAddress().isLoopbackAddress());
        assertEquals(GraphName.ROOT, c.namespace());
        assertTrue(c.nodeName().isEmpty());
    }

    @Test
    void environment() {
        NodeConfiguration c = NodeConfiguration.fromCommandLine(List.of(), Map.of("ROS_MASTER_URI",
                "http://127.0.0.1:11411/", "ROS_NAMESPACE", "robot1", "ROS_IP", "127.0.0.2"));
        assertEquals(URI.create("http://127.0.0.1:11411/"), c.masterUri());
        assertEquals(GraphName.of("/robot1"), c.namespace());
        assertEquals("127.0.0.2", c.host());
        assertTrue(c.bindAddress().isLoopbackAddress());
    }

    @Test
    void argumentsOverrideEnvironmentAndHostnameWinsOverIp() {
        NodeConfiguration c = NodeConfiguration.fromCommandLine(List.of("__master:=http://127.0.0.1:2000",
                "__ns:=/ns2", "__name:=learner", "__ip:=10.1.2.3", "__hostname:=localhost", "a:=b", "_p:=3",
                "rest"), Map.of("ROS_MASTER_URI", "http://127.0.0.1:11411/", "ROS_NAMESPACE", "/robot1",
                        "ROS_HOSTNAME", "otherhost", "ROS_IP", "10.0.0.1"));
        assertEquals(URI.create("http://127.0.0.1:2000"), c.masterUri());
        assertEquals(GraphName.of("/ns2"), c.namespace());
        assertEquals("learner", c.nodeName().orElseThrow());
        assertEquals("localhost", c.host());
        assertEquals(Map.of("a", "b"), c.remappings());
        assertEquals(Map.of("p", 3), c.privateParameters());
        assertEquals(List.of("rest"), c.programArguments());
    }

    @Test
    void nonLoopbackHostBindsAllInterfaces() {
        NodeConfiguration c = NodeConfiguration.builder().host("10.1.2.3").build();
        assertTrue(c.bindAddress().isAnyLocalAddress());
    }

    @Test
    void invalidFieldsAreNamed() {
        assertEquals("maxThreads must be >= 4, got 1", assertThrows(IllegalArgumentException.class,
                () -> NodeConfiguration.builder().maxThreads(1).build()).getMessage());
        assertEquals("callTimeout must be > 0, got PT0S", assertThrows(IllegalArgumentException.class,
                () -> NodeConfiguration.builder().callTimeout(Duration.ZERO).build()).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NodeConfiguration.builder()
                .masterUri(URI.create("rosrpc://x:1")).build()).getMessage().startsWith("masterUri"));
    }
}
